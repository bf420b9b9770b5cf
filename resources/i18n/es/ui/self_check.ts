<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name></name>
    <message>
        <source>Trial Explainer answers (*.answers.json *.json)</source>
        <translation>Respuestas de Trial Explainer (*.answers.json *.json)</translation>
    </message>
    <message>
        <source>Open your answers</source>
        <translation>Abrir sus respuestas</translation>
    </message>
    <message>
        <source>Save your answers</source>
        <translation>Guardar sus respuestas</translation>
    </message>
    <message>
        <source>Erase my answers?</source>
        <translation>¿Borrar mis respuestas?</translation>
    </message>
    <message>
        <source>This erases every answer in the window and the copy the app keeps while you work. Files you saved yourself stay where you saved them.

Erase your answers?</source>
        <translation>Esto borra todas las respuestas de la ventana y la copia que la aplicación guarda mientras usted trabaja. Los archivos que usted guardó se quedan donde los guardó.

¿Borrar sus respuestas?</translation>
    </message>
    <message>
        <source>Your answers from last time are kept on this computer (your answers for {date}). The app keeps them when you quit, so you can go on later.

Do you want to carry on with them? If you start fresh, the app clears them.</source>
        <translation>Sus respuestas de la última vez están guardadas en esta computadora (sus respuestas del {date}). La aplicación las guarda al cerrarse, para que pueda seguir después.

¿Quiere seguir con ellas? Si empieza de nuevo, la aplicación las borra.</translation>
    </message>
    <message>
        <source>Carry on where you left off?</source>
        <translation>¿Seguir donde lo dejó?</translation>
    </message>
    <message>
        <source>&amp;Carry on</source>
        <translation>&amp;Seguir</translation>
    </message>
    <message>
        <source>&amp;Start fresh</source>
        <translation>&amp;Empezar de nuevo</translation>
    </message>
    <message>
        <source>Replace your answers?</source>
        <translation>¿Reemplazar sus respuestas?</translation>
    </message>
    <message>
        <source>Opening a file replaces the answers you were working on. To keep them, choose No and save them first.

Open the file anyway?</source>
        <translation>Abrir un archivo reemplaza las respuestas con las que estaba trabajando. Para conservarlas, elija No y guárdelas primero.

¿Abrir el archivo de todos modos?</translation>
    </message>
    <message>
        <source>The answers the app kept from last time could not be read, so they were not opened.</source>
        <translation>No se pudieron leer las respuestas que la aplicación guardó la última vez, así que no se abrieron.</translation>
    </message>
    <message>
        <source>{first}

The app did not delete them: it moved the file aside, to
{backup}
in case someone can help you get them back. You can answer the questions again.</source>
        <translation>{first}

La aplicación no las borró: apartó el archivo en
{backup}
por si alguien puede ayudarle a recuperarlas. Puede responder las preguntas otra vez.</translation>
    </message>
    <message>
        <source>{first}

The app could not move the file aside ({why}), so it is left as it is, and the app will not keep a copy of your answers while it is open this time. To keep your answers, save them with File &gt; Save answers.</source>
        <translation>{first}

La aplicación no pudo apartar el archivo ({why}), así que lo dejó como está. Esta vez no guardará una copia de sus respuestas mientras esté abierta. Para conservar sus respuestas, guárdelas con Archivo &gt; Guardar respuestas.</translation>
    </message>
    <message>
        <source>Self-check so far, with its buttons</source>
        <translation>Su autoevaluación hasta ahora, con sus botones</translation>
    </message>
    <message>
        <source>&amp;Open answers…</source>
        <translation>&amp;Abrir respuestas…</translation>
    </message>
    <message>
        <source>&amp;Save answers…</source>
        <translation>&amp;Guardar respuestas…</translation>
    </message>
    <message>
        <source>&amp;Erase my answers…</source>
        <translation>&amp;Borrar mis respuestas…</translation>
    </message>
    <message>
        <source>These answers cannot be opened</source>
        <translation>No se pueden abrir estas respuestas</translation>
    </message>
    <message>
        <source>{problem}

Nothing in the app was changed.</source>
        <translation>{problem}

No se cambió nada en la aplicación.</translation>
    </message>
    <message>
        <source>{problem}

The problem is in the answer about: {question}.</source>
        <translation>{problem}

El problema está en la respuesta sobre: {question}.</translation>
    </message>
    <message>
        <source>Your answers were not saved</source>
        <translation>Sus respuestas no se guardaron</translation>
    </message>
    <message>
        <source>{problem}

Nothing was saved.</source>
        <translation>{problem}

No se guardó nada.</translation>
    </message>
    <message>
        <source>Your answers were not all erased</source>
        <translation>No se borraron todas sus respuestas</translation>
    </message>
    <message>
        <source>The answers in the window are cleared, but the copy the app keeps could not be deleted ({why}). It is still in this file:
{path}

You can delete that file yourself.</source>
        <translation>Las respuestas de la ventana se borraron, pero la copia que guarda la aplicación no se pudo borrar ({why}). Todavía está en este archivo:
{path}

Usted puede borrar ese archivo.</translation>
    </message>
    <message>
        <source>Your kept answers could not be opened</source>
        <translation>No se pudieron abrir sus respuestas guardadas</translation>
    </message>
    <message>
        <source>Your kept answers were not cleared</source>
        <translation>Sus respuestas guardadas no se borraron</translation>
    </message>
    <message>
        <source>The app could not clear the answers it kept from last time ({why}). They are still in this file:
{path}

The app will offer them again when it next opens. You can delete that file yourself.</source>
        <translation>La aplicación no pudo borrar las respuestas que guardó la última vez ({why}). Todavía están en este archivo:
{path}

La aplicación se las ofrecerá otra vez la próxima vez que se abra. Usted puede borrar ese archivo.</translation>
    </message>
    <message>
        <source>Your answers could not be kept as a draft: {why}</source>
        <translation>No se pudo guardar un borrador de sus respuestas: {why}</translation>
    </message>
</context>
</TS>
