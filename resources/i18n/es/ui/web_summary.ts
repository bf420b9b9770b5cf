<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name></name>
    <message>
        <source>Save the summary as a web page</source>
        <translation>Guardar el resumen como página web</translation>
    </message>
    <message>
        <source>Web pages (*.html)</source>
        <translation>Páginas web (*.html)</translation>
    </message>
    <message>
        <source>Save summary as &amp;web page…</source>
        <translation>Guardar el resumen como página &amp;web…</translation>
    </message>
    <message>
        <source>The same summary as the PDF, as a web page a screen reader can read</source>
        <translation>El mismo resumen que el PDF, como página web que un lector de pantalla puede leer</translation>
    </message>
    <message>
        <source>The web page was not saved</source>
        <translation>La página web no se guardó</translation>
    </message>
    <message>
        <source>{problem}

Nothing was written.</source>
        <translation>{problem}

No se guardó nada.</translation>
    </message>
    <message>
        <source>{path}

{error}

Nothing was written. Please choose another folder, or free some space on the disk, and try again.</source>
        <translation>{path}

{error}

No se guardó nada. Elija otra carpeta, o libere espacio en el disco, y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>Saved the summary as a web page: {path}</source>
        <translation>El resumen se guardó como página web: {path}</translation>
    </message>
</context>
</TS>
