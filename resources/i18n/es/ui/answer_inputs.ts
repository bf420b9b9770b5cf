<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name></name>
    <message>
        <source>We cannot tell if {typed} means {thousands} or {decimal}: please type the one you mean, written as here.</source>
        <translation>No sabemos si {typed} quiere decir {thousands} o {decimal}: escriba el número que quiere decir, tal como aparece aquí.</translation>
    </message>
    <message>
        <source>× ULN (times the top of normal)</source>
        <translation>× LSN (veces el valor normal más alto)</translation>
    </message>
    <message>
        <source>Note about {question}</source>
        <translation>Nota sobre {question}</translation>
    </message>
    <message>
        <source>Not sure</source>
        <translation>No lo sé</translation>
    </message>
    <message>
        <source>{question}: not sure</source>
        <translation>{question}: no lo sé</translation>
    </message>
    <message>
        <source>Type a number</source>
        <translation>Escriba un número</translation>
    </message>
    <message>
        <source>Please type a whole number, with no decimal point or letters.</source>
        <translation>Escriba un número entero, sin decimales ni letras.</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-DD</translation>
    </message>
    <message>
        <source>For example 2024-01-10, or January 10, 2024</source>
        <translation>Por ejemplo, 2024-01-10, o 10 de enero de 2024</translation>
    </message>
    <message>
        <source>September 30, 2024</source>
        <translation>30 de septiembre de 2024</translation>
    </message>
    <message>
        <source>Please type the whole year, like 2024, so the date cannot be misread.</source>
        <translation>Escriba el año completo, como 2024, para que la fecha no se lea mal.</translation>
    </message>
    <message>
        <source>Please type the date as year-month-day, like 2024-01-10, or as January 10, 2024.</source>
        <translation>Escriba la fecha como año-mes-día, por ejemplo 2024-01-10, o como 10 de enero de 2024.</translation>
    </message>
    <message>
        <source>We read this as {date}.</source>
        <translation>Lo leímos como {date}.</translation>
    </message>
    <message>
        <source>That is {months} full month before {date}, the date of your answers.</source>
        <translation>Es {months} mes completo antes del {date}, la fecha de sus respuestas.</translation>
    </message>
    <message>
        <source>That is {months} full months before {date}, the date of your answers.</source>
        <translation>Son {months} meses completos antes del {date}, la fecha de sus respuestas.</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Número</translation>
    </message>
    <message>
        <source>Unit of {question}</source>
        <translation>Unidad de {question}</translation>
    </message>
    <message>
        <source>Top of the normal range on your report:</source>
        <translation>El valor normal más alto en su informe:</translation>
    </message>
    <message>
        <source>Top of the normal range for {question}</source>
        <translation>El valor normal más alto para {question}</translation>
    </message>
    <message>
        <source>Please type a number, like 150 or 4.9.</source>
        <translation>Escriba un número, como 150 o 4,9.</translation>
    </message>
    <message>
        <source>Please also type the top of the normal range from your report.</source>
        <translation>Escriba también el valor normal más alto que aparece en su informe.</translation>
    </message>
    <message>
        <source>We changed the unit for you: {conversion}</source>
        <translation>Cambiamos la unidad por usted: {conversion}</translation>
    </message>
    <message>
        <source>⚠ {value} would be very unusual. Please check the number and the unit on your report.</source>
        <translation>⚠ {value} sería muy poco común. Revise el número y la unidad en su informe.</translation>
    </message>
    <message>
        <source>⚠ Please check the unit: {value} would be very unusual. Did you mean {meant}?</source>
        <translation>⚠ Revise la unidad: {value} sería muy poco común. ¿Quiso decir {meant}?</translation>
    </message>
    <message>
        <source>(That would be {value}.)</source>
        <translation>(Eso sería {value}.)</translation>
    </message>
</context>
</TS>
