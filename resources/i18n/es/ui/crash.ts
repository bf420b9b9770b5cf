<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name></name>
    <message>
        <source>We wrote the details to this file:
{path}

If it happens again, you can send that file to the person or clinic that gave you this app.</source>
        <translation>Escribimos los detalles en este archivo:
{path}

Si vuelve a pasar, puede enviar ese archivo a la persona o la clínica que le dio esta aplicación.</translation>
    </message>
    <message>
        <source>We could not write the details to a file this time.</source>
        <translation>Esta vez no pudimos escribir los detalles en un archivo.</translation>
    </message>
    <message>
        <source>Your answers are kept. You can keep using the app, or close it and open it again.</source>
        <translation>Sus respuestas están guardadas. Puede seguir usando la aplicación, o cerrarla y abrirla de nuevo.</translation>
    </message>
    <message>
        <source>The app could not keep a copy of your latest answers. Before you close it, please save them with File &gt; Save answers.</source>
        <translation>La aplicación no pudo guardar una copia de sus últimas respuestas. Antes de cerrarla, guárdelas con Archivo &gt; Guardar respuestas.</translation>
    </message>
    <message>
        <source>Something went wrong inside Trial Explainer. It was not your fault.

{answers}

{where}</source>
        <translation>Algo falló dentro de Trial Explainer. No fue su culpa.

{answers}

{where}</translation>
    </message>
    <message>
        <source>Sorry, something went wrong</source>
        <translation>Lo sentimos, algo falló</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Aceptar</translation>
    </message>
</context>
</TS>
