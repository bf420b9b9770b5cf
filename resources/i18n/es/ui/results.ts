<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name></name>
    <message>
        <source>Self-check results</source>
        <translation>Resultados de la autoevaluación</translation>
    </message>
    <message>
        <source>Self-check so far</source>
        <translation>Su autoevaluación hasta ahora</translation>
    </message>
    <message>
        <source>See your results</source>
        <translation>Ver sus resultados</translation>
    </message>
    <message>
        <source>See your self-check results</source>
        <translation>Ver los resultados de su autoevaluación</translation>
    </message>
    <message>
        <source>Export PDF for your doctor…</source>
        <translation>Crear un PDF para su médico…</translation>
    </message>
    <message>
        <source>Export a PDF summary for your doctor</source>
        <translation>Crear un resumen en PDF para su médico</translation>
    </message>
    <message>
        <source>&lt;b&gt;So far:&lt;/b&gt; {icon} {overall} ({counts})</source>
        <translation>&lt;b&gt;Hasta ahora:&lt;/b&gt; {icon} {overall} ({counts})</translation>
    </message>
    <message>
        <source>{n} rule seems to fit your answers</source>
        <translation>{n} requisito parece ajustarse a sus respuestas</translation>
    </message>
    <message>
        <source>{n} rules seem to fit your answers</source>
        <translation>{n} requisitos parecen ajustarse a sus respuestas</translation>
    </message>
    <message>
        <source>{n} rule seems not to fit your answers</source>
        <translation>{n} requisito parece no ajustarse a sus respuestas</translation>
    </message>
    <message>
        <source>{n} rules seem not to fit your answers</source>
        <translation>{n} requisitos parecen no ajustarse a sus respuestas</translation>
    </message>
    <message>
        <source>{n} rule is still open</source>
        <translation>{n} requisito sigue pendiente</translation>
    </message>
    <message>
        <source>{n} rules are still open</source>
        <translation>{n} requisitos siguen pendientes</translation>
    </message>
    <message>
        <source>&lt;h1&gt;Your self-check results&lt;/h1&gt;</source>
        <translation>&lt;h1&gt;Los resultados de su autoevaluación&lt;/h1&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Your answers describe {date}. {counts}.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Sus respuestas describen su situación el {date}. {counts}.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>What the study needs</source>
        <translation>Lo que pide el estudio</translation>
    </message>
    <message>
        <source>Things that would keep you out</source>
        <translation>Lo que le impediría participar</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;i&gt;Note:&lt;/i&gt; {note}&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;i&gt;Nota:&lt;/i&gt; {note}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;i&gt;Why:&lt;/i&gt; {reason}</source>
        <translation>&lt;i&gt;Por qué:&lt;/i&gt; {reason}</translation>
    </message>
    <message>
        <source>&lt;i&gt;Next step:&lt;/i&gt; {step}</source>
        <translation>&lt;i&gt;Siguiente paso:&lt;/i&gt; {step}</translation>
    </message>
</context>
</TS>
