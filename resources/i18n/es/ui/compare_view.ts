<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name></name>
    <message>
        <source>Save the comparison as PDF</source>
        <translation>Guardar la comparación como PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>País</translation>
    </message>
    <message>
        <source>Choose a country to see a place there in each study. {note}</source>
        <translation>Elija un país para ver un lugar allí en cada estudio. {note}</translation>
    </message>
    <message>
        <source>State or region</source>
        <translation>Estado o región</translation>
    </message>
    <message>
        <source>Choose a state or region to see a place there in each study. {note}</source>
        <translation>Elija un estado o región para ver un lugar allí en cada estudio. {note}</translation>
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
        <source>Any country</source>
        <translation>Cualquier país</translation>
    </message>
    <message>
        <source>Studies side by side</source>
        <translation>Estudios lado a lado</translation>
    </message>
    <message>
        <source>Each column is a study; each row is one thing to compare. Use the arrow keys to move.</source>
        <translation>Cada columna es un estudio. Cada fila es algo que se compara. Use las flechas para moverse.</translation>
    </message>
    <message>
        <source>Save as &amp;PDF…</source>
        <translation>&amp;Guardar como PDF…</translation>
    </message>
    <message>
        <source>Save the comparison as a PDF</source>
        <translation>Guardar la comparación como PDF</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Any state or region</source>
        <translation>Cualquier estado o región</translation>
    </message>
    <message>
        <source>{aspect}, {study}: {text}</source>
        <translation>{aspect}, {study}: {text}</translation>
    </message>
    <message>
        <source>{problem} Nothing was written.</source>
        <translation>{problem} No se guardó nada.</translation>
    </message>
    <message>
        <source>The PDF was not saved ({error}). Nothing was written.</source>
        <translation>El PDF no se guardó ({error}). No se guardó nada.</translation>
    </message>
    <message>
        <source>Saved the PDF to {path}</source>
        <translation>El PDF se guardó en {path}</translation>
    </message>
</context>
</TS>
