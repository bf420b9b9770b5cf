<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name></name>
    <message>
        <source>Private: your answers stay on this computer.</source>
        <translation>Privado: sus respuestas se quedan en esta computadora.</translation>
    </message>
    <message>
        <source>This page was written for another study, so it is not shown for this one. The timeline and the self-check use this study&apos;s own record.</source>
        <translation>Esta página se escribió para otro estudio, así que no se muestra para este. La cronología y la autoevaluación usan el registro de este estudio.</translation>
    </message>
    <message>
        <source>This part is still opening. It will show here in a moment.</source>
        <translation>Esta parte todavía se está abriendo. Se mostrará aquí en un momento.</translation>
    </message>
    <message>
        <source>Check the entry rules yourself</source>
        <translation>Revisar los requisitos para participar</translation>
    </message>
    <message>
        <source>Your self-check results</source>
        <translation>Los resultados de su autoevaluación</translation>
    </message>
    <message>
        <source>Trial Explainer</source>
        <translation>Trial Explainer</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Secciones</translation>
    </message>
    <message>
        <source>Choose a section to read. Use the arrow keys.</source>
        <translation>Elija una sección para leer. Use las flechas.</translation>
    </message>
    <message>
        <source>Trial Explainer: study {number}</source>
        <translation>Trial Explainer: estudio {number}</translation>
    </message>
    <message>
        <source>Registry record of {date}.</source>
        <translation>Registro del estudio con fecha {date}.</translation>
    </message>
    <message>
        <source>That part is still opening. Please try again in a moment.</source>
        <translation>Esa parte todavía se está abriendo. Vuelva a intentarlo en un momento.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>Sa&amp;lir</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>Texto más grande</translation>
    </message>
    <message>
        <source>Smaller text</source>
        <translation>Texto más pequeño</translation>
    </message>
    <message>
        <source>Normal text size</source>
        <translation>Tamaño de texto normal</translation>
    </message>
    <message>
        <source>&amp;High-contrast colours</source>
        <translation>Colores de &amp;alto contraste</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>About this app</source>
        <translation>Sobre esta aplicación</translation>
    </message>
    <message>
        <source>Words and what they mean</source>
        <translation>Palabras y qué significan</translation>
    </message>
    <message>
        <source>Where to get help</source>
        <translation>Dónde pedir ayuda</translation>
    </message>
    <message>
        <source>Record date and privacy</source>
        <translation>Fecha del registro y privacidad</translation>
    </message>
    <message>
        <source>Text size {percent}%</source>
        <translation>Tamaño del texto: {percent} %</translation>
    </message>
</context>
</TS>
