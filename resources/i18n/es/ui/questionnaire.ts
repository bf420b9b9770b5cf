<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name></name>
    <message>
        <source>To move from one group of questions to the next, press Ctrl and the Down arrow key; Ctrl and Up goes back.</source>
        <translation>Para pasar de un grupo de preguntas al siguiente, pulse Ctrl y la flecha hacia abajo; con Ctrl y la flecha hacia arriba vuelve al anterior.</translation>
    </message>
    <message>
        <source>Has words with a meaning you can show: press Tab, then Enter.</source>
        <translation>Tiene palabras con un significado que puede ver: pulse Tab y luego Enter.</translation>
    </message>
    <message>
        <source>&lt;i&gt;Where do I find this?&lt;/i&gt; {hint}</source>
        <translation>&lt;i&gt;¿Dónde encuentro esto?&lt;/i&gt; {hint}</translation>
    </message>
    <message>
        <source>Where to find: {question}</source>
        <translation>Dónde encontrar: {question}</translation>
    </message>
    <message>
        <source>Problem with: {question}</source>
        <translation>Problema con: {question}</translation>
    </message>
    <message>
        <source>Show the registry&apos;s words</source>
        <translation>Ver las palabras del registro</translation>
    </message>
    <message>
        <source>Show the registry&apos;s exact words for: {question}</source>
        <translation>Ver las palabras exactas del registro sobre: {question}</translation>
    </message>
    <message>
        <source>Hide the registry&apos;s words</source>
        <translation>Ocultar las palabras del registro</translation>
    </message>
    <message>
        <source>Self-check questions</source>
        <translation>Preguntas de la autoevaluación</translation>
    </message>
    <message>
        <source>&lt;h1&gt;Check the entry rules yourself&lt;/h1&gt;</source>
        <translation>&lt;h1&gt;Revisar los requisitos para participar&lt;/h1&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Answer what you can. &quot;Not sure&quot; is always a fine answer. Your answers stay on this computer. &lt;b&gt;This is not a decision; only the study team decides.&lt;/b&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;Responda lo que pueda. &quot;No lo sé&quot; siempre es una buena respuesta. Sus respuestas se quedan en esta computadora. &lt;b&gt;Esto no es una decisión; solo el equipo del estudio decide.&lt;/b&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Go to:&lt;/b&gt;</source>
        <translation>&lt;b&gt;Ir a:&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Go to a group of questions</source>
        <translation>Ir a un grupo de preguntas</translation>
    </message>
</context>
</TS>
