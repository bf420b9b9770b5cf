<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name></name>
    <message>
        <source>Trial Explainer cannot open the study</source>
        <translation>Trial Explainer no puede abrir el estudio</translation>
    </message>
    <message>
        <source>A file the app needs is damaged or missing.

{problem}

Please reinstall the app, or tell whoever gave you this file.</source>
        <translation>Falta un archivo que la aplicación necesita, o está dañado.

{problem}

Vuelva a instalar la aplicación, o avise a quien le dio este archivo.</translation>
    </message>
    <message>
        <source>The app cannot show this language now.</source>
        <translation>La aplicación no puede mostrar este idioma ahora.</translation>
    </message>
</context>
</TS>
