<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name></name>
    <message>
        <source>Result for {title}</source>
        <translation>Resultado de {title}</translation>
    </message>
    <message>
        <source>Problem with: {question}</source>
        <translation>Problema con: {question}</translation>
    </message>
    <message>
        <source>Result for {title}: {result}</source>
        <translation>Resultado de {title}: {result}</translation>
    </message>
    <message>
        <source>Summary of your answers</source>
        <translation>Resumen de sus respuestas</translation>
    </message>
    <message>
        <source>About your kept answers</source>
        <translation>Sobre sus respuestas guardadas</translation>
    </message>
    <message>
        <source>&amp;Erase my answers for this study</source>
        <translation>&amp;Borrar mis respuestas de este estudio</translation>
    </message>
    <message>
        <source>Erase my answers for this study</source>
        <translation>Borrar mis respuestas de este estudio</translation>
    </message>
    <message>
        <source>{name}, {number} of {total}</source>
        <translation>{name}, {number} de {total}</translation>
    </message>
    <message>
        <source>{n} more explains a word the rules use.</source>
        <translation>Hay {n} más que explica una palabra que usan los requisitos.</translation>
    </message>
    <message>
        <source>{n} more explain a word the rules use.</source>
        <translation>Hay {n} más que explican una palabra que usan los requisitos.</translation>
    </message>
    <message>
        <source>{rules} rules: {met_icon} {met} seem met or do not apply, {not_met_icon} {not_met} seem not met or apply, {open_icon} {open} still open.</source>
        <translation>{rules} requisitos: {met_icon} {met} parecen cumplirse o no son su caso, {not_met_icon} {not_met} parecen no cumplirse o son su caso, {open_icon} {open} siguen pendientes.</translation>
    </message>
    <message>
        <source>The answers the app kept for this study could not be read, so they were not opened.</source>
        <translation>No se pudieron leer las respuestas que la aplicación guardó para este estudio, así que no se abrieron.</translation>
    </message>
    <message>
        <source>{first} The app could not move the file aside ({why}), so it is left as it is, and the app will not keep your answers this time: {path}</source>
        <translation>{first} La aplicación no pudo apartar el archivo ({why}), así que lo dejó como está, y esta vez no guardará sus respuestas: {path}</translation>
    </message>
    <message>
        <source>{first} The app did not delete them: it moved the file aside, to {path}</source>
        <translation>{first} La aplicación no las borró: apartó el archivo en {path}</translation>
    </message>
    <message>
        <source>Your answers could not be kept on this computer: {why}</source>
        <translation>No se pudieron guardar sus respuestas en esta computadora: {why}</translation>
    </message>
    <message>
        <source>The app could not delete your kept answers ({why}). They are in this file: {path}</source>
        <translation>La aplicación no pudo borrar sus respuestas guardadas ({why}). Están en este archivo: {path}</translation>
    </message>
    <message>
        <source>Erase my answers</source>
        <translation>Borrar mis respuestas</translation>
    </message>
    <message>
        <source>Erase every answer you gave for this study? The app deletes the copy it keeps on this computer.</source>
        <translation>¿Borrar todas las respuestas que dio para este estudio? La aplicación borra la copia que guarda en esta computadora.</translation>
    </message>
</context>
</TS>
