<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name></name>
    <message>
        <source>The numbers you gave for other studies could not be read, so the app leaves that file as it is and will not share them this time: {path}</source>
        <translation>No se pudieron leer los números que usted dio para otros estudios. La aplicación deja ese archivo como está y esta vez no los usará: {path}</translation>
    </message>
    <message>
        <source>The numbers you gave for other studies could not be read, so the app moved that file aside, and you can type them again: {path}</source>
        <translation>No se pudieron leer los números que usted dio para otros estudios. La aplicación apartó ese archivo, y usted puede escribirlos de nuevo: {path}</translation>
    </message>
    <message>
        <source>The numbers you gave could not be kept for your other studies: {error}</source>
        <translation>No se pudieron guardar sus números para sus otros estudios: {error}</translation>
    </message>
    <message>
        <source>You gave this answer for another study on {date}. Change it if it is not right now.</source>
        <translation>Usted dio esta respuesta para otro estudio el {date}. Cámbiela si ya no es correcta.</translation>
    </message>
    <message>
        <source>About your answer: {question}</source>
        <translation>Sobre su respuesta: {question}</translation>
    </message>
    <message>
        <source>Erase the numbers for all studies?</source>
        <translation>¿Borrar los números de todos los estudios?</translation>
    </message>
    <message>
        <source>The app also keeps the numbers you gave, such as your age and blood tests, for every study you look at. Erase those too?</source>
        <translation>La aplicación también guarda los números que usted dio, como su edad y sus análisis de sangre, para cada estudio que mira. ¿Borrarlos también?</translation>
    </message>
    <message>
        <source>The app could not delete the numbers it keeps for all studies ({error}). They are in this file: {path}</source>
        <translation>La aplicación no pudo borrar los números que guarda para todos los estudios ({error}). Están en este archivo: {path}</translation>
    </message>
</context>
</TS>
