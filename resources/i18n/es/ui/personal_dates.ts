<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name></name>
    <message>
        <source>To change the date, pick the day on the calendar: click the arrow, or press Alt and the Down arrow key. Or type over the month, the day or the year. The Up and Down keys change the part you are in.</source>
        <translation>Para cambiar la fecha, elija el día en el calendario: haga clic en la flecha, o pulse Alt y la flecha hacia abajo. También puede escribir sobre el día, el mes o el año. Las flechas hacia arriba y hacia abajo cambian la parte en la que está.</translation>
    </message>
    <message>
        <source>Save your treatment calendar</source>
        <translation>Guardar su calendario del tratamiento</translation>
    </message>
    <message>
        <source>Calendar file (*.ics)</source>
        <translation>Archivo de calendario (*.ics)</translation>
    </message>
    <message>
        <source>{date}: cycle {cycle}, day {day}. {medicines}.</source>
        <translation>{date}: ciclo {cycle}, día {day}. {medicines}.</translation>
    </message>
    <message>
        <source>Days of the month</source>
        <translation>Días del mes</translation>
    </message>
    <message>
        <source>Previous month</source>
        <translation>Mes anterior</translation>
    </message>
    <message>
        <source>Next month</source>
        <translation>Mes siguiente</translation>
    </message>
    <message>
        <source>Choose the month</source>
        <translation>Elegir el mes</translation>
    </message>
    <message>
        <source>Choose the year</source>
        <translation>Elegir el año</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Año</translation>
    </message>
    <message>
        <source>{problem}

Nothing was saved.</source>
        <translation>{problem}

No se guardó nada.</translation>
    </message>
    <message>
        <source>{path}: {why}

Nothing was saved. Try another folder.</source>
        <translation>{path}: {why}

No se guardó nada. Pruebe con otra carpeta.</translation>
    </message>
    <message>
        <source>day</source>
        <translation>día</translation>
    </message>
    <message>
        <source>days</source>
        <translation>días</translation>
    </message>
</context>
</TS>
