<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name />
    <message>
        <source>&amp;Export PDF for your doctor…</source>
        <translation>Crear un &amp;PDF para su médico…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimir…</translation>
    </message>
    <message>
        <source>The PDF cannot be made</source>
        <translation>No se puede crear el PDF</translation>
    </message>
</context>
</TS>