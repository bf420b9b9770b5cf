<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name></name>
    <message>
        <source>Open a study record</source>
        <translation>Abrir un registro de estudio</translation>
    </message>
    <message>
        <source>Study records (*.json);;All files (*)</source>
        <translation>Registros de estudios (*.json);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>&amp;Open study record…</source>
        <translation>Abrir un &amp;registro de estudio…</translation>
    </message>
    <message>
        <source>&amp;Get a study record by its number…</source>
        <translation>&amp;Descargar un registro por su número…</translation>
    </message>
    <message>
        <source>Studies you have &amp;looked at…</source>
        <translation>Estudios que ha &amp;visto…</translation>
    </message>
    <message>
        <source>Co&amp;mpare studies you looked at…</source>
        <translation>Co&amp;mparar los estudios que ha visto…</translation>
    </message>
    <message>
        <source>This file cannot be opened</source>
        <translation>No se puede abrir este archivo</translation>
    </message>
    <message>
        <source>This study could not be kept on this computer ({error}).</source>
        <translation>No se pudo guardar este estudio en esta computadora ({error}).</translation>
    </message>
    <message>
        <source>This study cannot be opened</source>
        <translation>No se puede abrir este estudio</translation>
    </message>
</context>
</TS>
