<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name></name>
    <message>
        <source>Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec</source>
        <translation>ene feb mar abr may jun jul ago sep oct nov dic</translation>
    </message>
    <message>
        <source>Rest week: no medicine</source>
        <translation>Semana de descanso: sin medicamentos</translation>
    </message>
    <message>
        <source>Rest</source>
        <translation>Descanso</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Día</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Clinic</source>
        <translation>Clínica</translation>
    </message>
    <message>
        <source>Treatment days, one column for each day of the cycle</source>
        <translation>Días de tratamiento, una columna para cada día del ciclo</translation>
    </message>
</context>
</TS>
