<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name></name>
    <message>
        <source>A file the app needs is damaged.

{problem}

Please reinstall the app.</source>
        <translation>Un archivo que la aplicación necesita está dañado.

{problem}

Vuelva a instalar la aplicación.</translation>
    </message>
</context>
</TS>
