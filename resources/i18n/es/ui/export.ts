<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name></name>
    <message>
        <source>About the study</source>
        <translation>Sobre el estudio</translation>
    </message>
    <message>
        <source>Treatment timeline</source>
        <translation>Cronología del tratamiento</translation>
    </message>
    <message>
        <source>Your self-check</source>
        <translation>Su autoevaluación</translation>
    </message>
    <message>
        <source>Questions for the team</source>
        <translation>Preguntas para el equipo</translation>
    </message>
    <message>
        <source>Contacts and help</source>
        <translation>Contactos y ayuda</translation>
    </message>
    <message>
        <source>Meanings of hard words</source>
        <translation>Significado de palabras difíciles</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>Letter (US)</source>
        <translation>Carta (EE. UU.)</translation>
    </message>
    <message>
        <source>Save the PDF summary</source>
        <translation>Guardar el resumen en PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Print the summary</source>
        <translation>Imprimir el resumen</translation>
    </message>
    <message>
        <source>Page &amp;set:</source>
        <translation>Con&amp;junto de páginas:</translation>
    </message>
    <message>
        <source>Type pages, or ranges, with commas between them. A range is two numbers with a hyphen between them. For example, 3,5-7,9 prints pages 3, 5, 6, 7 and 9.</source>
        <translation>Escriba páginas, o grupos de páginas, con comas entre ellos. Un grupo son dos números con un guion entre ellos. Por ejemplo, 3,5-7,9 imprime las páginas 3, 5, 6, 7 y 9.</translation>
    </message>
    <message>
        <source>Export the PDF summary for your doctor</source>
        <translation>Crear el resumen en PDF para su médico</translation>
    </message>
    <message>
        <source>Large print</source>
        <translation>Letra grande</translation>
    </message>
    <message>
        <source>Paper size</source>
        <translation>Tamaño del papel</translation>
    </message>
    <message>
        <source>About the PDF</source>
        <translation>Sobre el PDF</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Guardado</translation>
    </message>
    <message>
        <source>Preview of the PDF pages</source>
        <translation>Vista previa de las páginas del PDF</translation>
    </message>
    <message>
        <source>&amp;Save PDF…</source>
        <translation>&amp;Guardar PDF…</translation>
    </message>
    <message>
        <source>Save the PDF</source>
        <translation>Guardar el PDF</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimir…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Language of the PDF</source>
        <translation>Idioma del PDF</translation>
    </message>
    <message>
        <source>What to put in the PDF</source>
        <translation>Qué poner en el PDF</translation>
    </message>
    <message>
        <source>The self-check comes with questions for your doctor. The timeline shows your dates if you gave your first treatment day. The note that this is not medical advice is always in.</source>
        <translation>La autoevaluación trae preguntas para su médico. La cronología muestra sus fechas si usted dio su primer día de tratamiento. Siempre se incluye la nota que dice que esto no es un consejo médico.</translation>
    </message>
    <message>
        <source>Paper size:</source>
        <translation>Tamaño del papel:</translation>
    </message>
    <message>
        <source>PDF &amp;language:</source>
        <translation>I&amp;dioma del PDF:</translation>
    </message>
    <message>
        <source>A summary to bring to your doctor. Tick what to put in it. The pages on the right are exactly what will be saved or printed.</source>
        <translation>Un resumen para llevar a su médico. Marque lo que quiere poner. Las páginas de la derecha son justo lo que se guardará o imprimirá.</translation>
    </message>
    <message>
        <source>Page {number} of {count}</source>
        <translation>Página {number} de {count}</translation>
    </message>
    <message>
        <source>1 page, {paper} paper.</source>
        <translation>1 página, papel {paper}.</translation>
    </message>
    <message>
        <source>{count} pages, {paper} paper.</source>
        <translation>{count} páginas, papel {paper}.</translation>
    </message>
    <message>
        <source>✓ Saved. Your PDF is here: {path}</source>
        <translation>✓ Guardado. Su PDF está aquí: {path}</translation>
    </message>
    <message>
        <source>The PDF was not saved</source>
        <translation>El PDF no se guardó</translation>
    </message>
    <message>
        <source>{problem}

Nothing was written.</source>
        <translation>{problem}

No se guardó nada.</translation>
    </message>
    <message>
        <source>{path}

{error}

Nothing was written. Please choose another folder, or free some space on the disk, and try again.</source>
        <translation>{path}

{error}

No se guardó nada. Elija otra carpeta, o libere espacio en el disco, y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>Saved the PDF summary to {path}</source>
        <translation>El resumen en PDF se guardó en {path}</translation>
    </message>
    <message>
        <source>The summary was not printed</source>
        <translation>El resumen no se imprimió</translation>
    </message>
    <message>
        <source>{error}

Please check the printer.</source>
        <translation>{error}

Revise la impresora.</translation>
    </message>
    <message>
        <source>The printer could not be started.</source>
        <translation>No se pudo poner en marcha la impresora.</translation>
    </message>
</context>
</TS>
