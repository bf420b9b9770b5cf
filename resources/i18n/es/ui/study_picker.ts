<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name></name>
    <message>
        <source>not given</source>
        <translation>no se indica</translation>
    </message>
    <message>
        <source>Choose a study</source>
        <translation>Elija un estudio</translation>
    </message>
    <message>
        <source>This file holds {count} studies. Choose the one you want to read.</source>
        <translation>Este archivo tiene {count} estudios. Elija el que quiere leer.</translation>
    </message>
    <message>
        <source>Studies in this file</source>
        <translation>Estudios de este archivo</translation>
    </message>
    <message>
        <source>Use the arrow keys to choose a study, then press Enter to open it.</source>
        <translation>Use las flechas para elegir un estudio. Luego pulse Enter para abrirlo.</translation>
    </message>
    <message>
        <source>Study number</source>
        <translation>Número del estudio</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>No title given</source>
        <translation>Sin título</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Open the chosen study</source>
        <translation>Abrir el estudio elegido</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
</TS>
