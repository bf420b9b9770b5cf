<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name></name>
    <message>
        <source>Registry wording, word for word:</source>
        <translation>Palabra por palabra (texto del registro, en inglés):</translation>
    </message>
    <message>
        <source>Words with a dotted underline have a meaning you can show: move to one with Tab and press Enter.</source>
        <translation>Las palabras subrayadas con puntos tienen un significado que puede ver: vaya a una con Tab y pulse Enter.</translation>
    </message>
    <message>
        <source>Meaning of the chosen word</source>
        <translation>Significado de la palabra elegida</translation>
    </message>
    <message>
        <source>Meaning of {word}</source>
        <translation>Significado de {word}</translation>
    </message>
    <message>
        <source>Who can join</source>
        <translation>Quién puede participar</translation>
    </message>
    <message>
        <source>Show all the registry&apos;s words</source>
        <translation>Ver todas las palabras del registro</translation>
    </message>
    <message>
        <source>Show the registry&apos;s exact words for every rule</source>
        <translation>Ver las palabras exactas del registro para cada requisito</translation>
    </message>
    <message>
        <source>Shows the study record&apos;s own wording under each rule.</source>
        <translation>Muestra el texto del registro del estudio debajo de cada requisito.</translation>
    </message>
    <message>
        <source>What the study needs:</source>
        <translation>Lo que pide el estudio:</translation>
    </message>
    <message>
        <source>Things that would keep you out of the study:</source>
        <translation>Lo que le impediría participar en el estudio:</translation>
    </message>
    <message>
        <source>Hide the registry&apos;s words</source>
        <translation>Ocultar las palabras del registro</translation>
    </message>
    <message>
        <source>Show the registry&apos;s words</source>
        <translation>Ver las palabras del registro</translation>
    </message>
</context>
</TS>
