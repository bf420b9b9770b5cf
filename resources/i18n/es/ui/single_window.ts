<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name></name>
    <message>
        <source>Trial Explainer is already open</source>
        <translation>Trial Explainer ya está abierto</translation>
    </message>
    <message>
        <source>Trial Explainer is already open on this computer, but it did not answer. Please use that window, or close it and start the app again.</source>
        <translation>Trial Explainer ya está abierto en esta computadora, pero no respondió. Use esa ventana, o ciérrela y vuelva a abrir la aplicación.</translation>
    </message>
    <message>
        <source>Trial Explainer is already open: its window was brought to the front.</source>
        <translation>Trial Explainer ya está abierto: su ventana pasó al frente.</translation>
    </message>
</context>
</TS>
