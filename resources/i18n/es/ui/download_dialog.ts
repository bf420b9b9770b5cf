<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name></name>
    <message>
        <source>A study number is NCT and 8 digits, like NCT04883242.</source>
        <translation>Un número de estudio es NCT y 8 cifras, como NCT04883242.</translation>
    </message>
    <message>
        <source>The download stopped because of an unexpected problem ({kind}).</source>
        <translation>La descarga se detuvo por un problema inesperado ({kind}).</translation>
    </message>
    <message>
        <source>Get a study record by its number</source>
        <translation>Descargar un registro de estudio por su número</translation>
    </message>
    <message>
        <source>This is the only time Trial Explainer goes online: it asks {host} for the study you name and sends nothing but the study number.</source>
        <translation>Esta es la única vez que Trial Explainer usa internet. Le pide a {host} el estudio que usted indica. Solo envía el número del estudio.</translation>
    </message>
    <message>
        <source>the registry</source>
        <translation>el registro</translation>
    </message>
    <message>
        <source>About going online</source>
        <translation>Sobre el uso de internet</translation>
    </message>
    <message>
        <source>Study number</source>
        <translation>Número del estudio</translation>
    </message>
    <message>
        <source>NCT and 8 digits, like NCT04883242.</source>
        <translation>NCT y 8 cifras, como NCT04883242.</translation>
    </message>
    <message>
        <source>Study &amp;number:</source>
        <translation>&amp;Número del estudio:</translation>
    </message>
    <message>
        <source>Download message</source>
        <translation>Mensaje de la descarga</translation>
    </message>
    <message>
        <source>&amp;Download</source>
        <translation>&amp;Descargar</translation>
    </message>
    <message>
        <source>Download the study record</source>
        <translation>Descargar el registro del estudio</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Getting study {number}. You can keep reading while you wait.</source>
        <translation>Descargando el estudio {number}. Puede seguir leyendo mientras espera.</translation>
    </message>
    <message>
        <source>Study {number} is here. It is kept on this computer.</source>
        <translation>El estudio {number} ya está aquí. Queda guardado en esta computadora.</translation>
    </message>
</context>
</TS>
