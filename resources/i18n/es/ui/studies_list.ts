<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name></name>
    <message>
        <source>Study
number</source>
        <translation>Número del
estudio</translation>
    </message>
    <message>
        <source>Short title</source>
        <translation>Título corto</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Date of
this copy</source>
        <translation>Fecha de
esta copia</translation>
    </message>
    <message>
        <source>Self-
check</source>
        <translation>Autoeva-
luación</translation>
    </message>
    <message>
        <source>Remove this study?</source>
        <translation>¿Quitar este estudio?</translation>
    </message>
    <message>
        <source>Remove study {number} from this computer? You can open or download it again later.</source>
        <translation>¿Quitar el estudio {number} de esta computadora? Puede abrirlo o descargarlo de nuevo más tarde.</translation>
    </message>
    <message>
        <source>Damaged: it cannot be opened</source>
        <translation>Dañado: no se puede abrir</translation>
    </message>
    <message>
        <source>No title given</source>
        <translation>Sin título</translation>
    </message>
    <message>
        <source>Studies you have looked at</source>
        <translation>Estudios que ha visto</translation>
    </message>
    <message>
        <source>These studies are kept on this computer. They open without the internet.</source>
        <translation>Estos estudios están guardados en esta computadora. Se abren sin internet.</translation>
    </message>
    <message>
        <source>You have not opened any study record yet.</source>
        <translation>Todavía no ha abierto ningún registro de estudio.</translation>
    </message>
    <message>
        <source>Kept studies</source>
        <translation>Estudios guardados</translation>
    </message>
    <message>
        <source>Use the arrow keys to choose a study. Enter opens it.</source>
        <translation>Use las flechas para elegir un estudio. Enter lo abre.</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Abrir</translation>
    </message>
    <message>
        <source>Open the chosen study</source>
        <translation>Abrir el estudio elegido</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Quitar…</translation>
    </message>
    <message>
        <source>Remove the chosen study from this computer</source>
        <translation>Quitar de esta computadora el estudio elegido</translation>
    </message>
    <message>
        <source>Co&amp;mpare…</source>
        <translation>Co&amp;mparar…</translation>
    </message>
    <message>
        <source>Compare the studies side by side</source>
        <translation>Comparar los estudios lado a lado</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>Study {number} was removed from this computer.</source>
        <translation>El estudio {number} se quitó de esta computadora.</translation>
    </message>
</context>
</TS>
