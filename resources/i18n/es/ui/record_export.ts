<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name></name>
    <message>
        <source>&amp;Save PDF for your doctor…</source>
        <translation>&amp;Guardar PDF para su médico…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimir…</translation>
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
        <source>The PDF cannot be made</source>
        <translation>No se puede crear el PDF</translation>
    </message>
</context>
</TS>
