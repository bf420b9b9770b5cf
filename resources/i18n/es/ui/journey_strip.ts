<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name></name>
    <message>
        <source>then</source>
        <translation>después</translation>
    </message>
</context>
</TS>
