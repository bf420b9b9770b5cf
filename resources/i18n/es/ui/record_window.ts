<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name></name>
    <message>
        <source>Words with a dotted underline have a meaning you can show: move to one with Tab and press Enter.</source>
        <translation>Las palabras subrayadas con puntos tienen un significado que puede ver: vaya a una con Tab y pulse Enter.</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>País</translation>
    </message>
    <message>
        <source>Show only the places in one country.</source>
        <translation>Mostrar solo los lugares de un país.</translation>
    </message>
    <message>
        <source>State or region</source>
        <translation>Estado o región</translation>
    </message>
    <message>
        <source>Show only the places in one state or region.</source>
        <translation>Mostrar solo los lugares de un estado o región.</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ciudad</translation>
    </message>
    <message>
        <source>Show only the places in one city.</source>
        <translation>Mostrar solo los lugares de una ciudad.</translation>
    </message>
    <message>
        <source>&amp;Country:</source>
        <translation>&amp;País:</translation>
    </message>
    <message>
        <source>&amp;State or region:</source>
        <translation>&amp;Estado o región:</translation>
    </message>
    <message>
        <source>C&amp;ity:</source>
        <translation>C&amp;iudad:</translation>
    </message>
    <message>
        <source>Any country</source>
        <translation>Cualquier país</translation>
    </message>
    <message>
        <source>Any state or region</source>
        <translation>Cualquier estado o región</translation>
    </message>
    <message>
        <source>Any city</source>
        <translation>Cualquier ciudad</translation>
    </message>
    <message>
        <source>Study {number}: {title}</source>
        <translation>Estudio {number}: {title}</translation>
    </message>
    <message>
        <source>Study {number}</source>
        <translation>Estudio {number}</translation>
    </message>
    <message>
        <source>Sections of this study</source>
        <translation>Secciones de este estudio</translation>
    </message>
    <message>
        <source>Choose a section to read. Use the arrow keys.</source>
        <translation>Elija una sección para leer. Use las flechas.</translation>
    </message>
    <message>
        <source>Private: this study is read from this computer.</source>
        <translation>Privado: este estudio se lee desde esta computadora.</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Ayuda</translation>
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
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Close this study</source>
        <translation>&amp;Cerrar este estudio</translation>
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
</context>
</TS>
