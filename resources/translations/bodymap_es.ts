<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About {app}</source>
        <translation>Acerca de {app}</translation>
    </message>
    <message>
        <source>dd MMMM yyyy</source>
        <translation>d &apos;de&apos; MMMM &apos;de&apos; yyyy</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>desconocida</translation>
    </message>
    <message>
        <source>A body-map explorer for muscle spasms and cramps.

Version: {version}
Content reviewed: {reviewed}
{folders}
Error log: {log}

BodyMap is for education only. It is not medical advice and does not replace a doctor, a nurse or another qualified health professional. If you are worried about a symptom, contact a doctor; in an emergency call your local emergency number.</source>
        <translation>Un mapa del cuerpo para entender los espasmos y calambres musculares.

Versión: {version}
Contenido revisado: {reviewed}
{folders}
Registro de errores: {log}

BodyMap es solo educativo. No es consejo médico y no sustituye a un médico, a una enfermera ni a otro profesional de la salud. Si le preocupa un síntoma, consulte a un médico; en una emergencia, llame a su número local de emergencias.</translation>
    </message>
    <message>
        <source>Content folder: {folder}</source>
        <translation>Carpeta de contenido: {folder}</translation>
    </message>
    <message>
        <source>Clinic&apos;s pages: {folder}</source>
        <translation>Páginas de la clínica: {folder}</translation>
    </message>
    <message>
        <source>Clinic&apos;s pages: {folder} (no pages edited yet)</source>
        <translation>Páginas de la clínica: {folder} (aún no se ha editado ninguna página)</translation>
    </message>
    <message>
        <source>Clinic&apos;s pages revision: {revision}</source>
        <translation>Revisión de las páginas de la clínica: {revision}</translation>
    </message>
    <message>
        <source>Shipped pages: {folder}</source>
        <translation>Páginas incluidas: {folder}</translation>
    </message>
</context>
<context>
    <name>BasketWidget</name>
    <message>
        <source>Handout basket</source>
        <translation>Cesta del folleto</translation>
    </message>
    <message>
        <source>Pages in the handout, in print order</source>
        <translation>Páginas del folleto, en orden de impresión</translation>
    </message>
    <message>
        <source>No pages yet. Open a page and choose File → Add to Handout.</source>
        <translation>Aún no hay páginas. Abra una página y elija Archivo → Añadir al folleto.</translation>
    </message>
    <message>
        <source>Pages in this hand&amp;out:</source>
        <translation>Páginas de este &amp;folleto:</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>Mover &amp;arriba</translation>
    </message>
    <message>
        <source>Move the selected page up</source>
        <translation>Subir la página seleccionada</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>Mover a&amp;bajo</translation>
    </message>
    <message>
        <source>Move the selected page down</source>
        <translation>Bajar la página seleccionada</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <source>Remove the selected page from the handout</source>
        <translation>Quitar la página seleccionada del folleto</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>&amp;Vaciar</translation>
    </message>
    <message>
        <source>Remove every page (Undo puts them back)</source>
        <translation>Quitar todas las páginas (Deshacer las devuelve)</translation>
    </message>
    <message>
        <source>&amp;Undo {change}</source>
        <translation>&amp;Deshacer: {change}</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
</context>
<context>
    <name>BodyMapWidget</name>
    <message>
        <source>Front</source>
        <translation>Delante</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Detrás</translation>
    </message>
    <message>
        <source>Front view</source>
        <translation>Vista de frente</translation>
    </message>
    <message>
        <source>Back view</source>
        <translation>Vista de espalda</translation>
    </message>
    <message>
        <source>{view} view</source>
        <translation>Vista: {view}</translation>
    </message>
    <message>
        <source>Client&apos;s right</source>
        <translation>Derecha del cliente</translation>
    </message>
    <message>
        <source>Client&apos;s left</source>
        <translation>Izquierda del cliente</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Derecha</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Izquierda</translation>
    </message>
    <message>
        <source>R</source>
        <translation>D</translation>
    </message>
    <message>
        <source>L</source>
        <translation>I</translation>
    </message>
    <message>
        <source>Body map</source>
        <translation>Mapa del cuerpo</translation>
    </message>
    <message>
        <source>Pick a body region to read about cramps and spasms there. Left and right are the client&apos;s own: on the front view the client&apos;s left is on the right, on the back view on the left. Pick a side of a paired part, or pick it again for both sides.</source>
        <translation>Elija una zona del cuerpo para leer sobre sus calambres y espasmos. La izquierda y la derecha son las del cliente: en la vista de frente, la izquierda del cliente está a la derecha; en la vista de espalda, a la izquierda. Elija un lado de una parte doble, o vuelva a elegirlo para ver los dos lados.</translation>
    </message>
</context>
<context>
    <name>ChartMarks</name>
    <message>
        <source>Type a digit for its score; Delete unmarks it.</source>
        <translation>Escriba una cifra para su puntuación; Suprimir la desmarca.</translation>
    </message>
    <message>
        <source>Press Enter to mark it, or type a digit for its score.</source>
        <translation>Pulse Intro para marcarla, o escriba una cifra para su puntuación.</translation>
    </message>
</context>
<context>
    <name>ChartMode</name>
    <message>
        <source>&amp;Chart Session</source>
        <translation>&amp;Ficha de la sesión</translation>
    </message>
    <message>
        <source>Chart this session: clicks mark where it hurts, with a score (Ctrl+M)</source>
        <translation>Anotar esta sesión en la ficha: cada clic marca dónde duele, con una puntuación (Ctrl+M)</translation>
    </message>
    <message>
        <source>&amp;New Client</source>
        <translation>&amp;Nuevo cliente</translation>
    </message>
    <message>
        <source>&amp;Open Session…</source>
        <translation>A&amp;brir sesión…</translation>
    </message>
    <message>
        <source>&amp;Save Session</source>
        <translation>&amp;Guardar sesión</translation>
    </message>
    <message>
        <source>Save Session &amp;As…</source>
        <translation>Guardar sesión &amp;como…</translation>
    </message>
    <message>
        <source>Co&amp;mpare With Earlier Session…</source>
        <translation>Com&amp;parar con una sesión anterior…</translation>
    </message>
    <message>
        <source>C&amp;lear Comparison</source>
        <translation>&amp;Quitar la comparación</translation>
    </message>
    <message>
        <source>Chart Handout Pre&amp;view…</source>
        <translation>&amp;Vista previa del folleto de la ficha…</translation>
    </message>
    <message>
        <source>&amp;Export Chart Handout as PDF…</source>
        <translation>&amp;Exportar folleto de la ficha como PDF…</translation>
    </message>
    <message>
        <source>&amp;Print Chart Handout…</source>
        <translation>&amp;Imprimir folleto de la ficha…</translation>
    </message>
    <message>
        <source>Chart &amp;Handout</source>
        <translation>Folleto de la &amp;ficha</translation>
    </message>
    <message>
        <source>&amp;Undo {what}</source>
        <translation>&amp;Deshacer: {what}</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <source>&amp;Redo {what}</source>
        <translation>&amp;Rehacer: {what}</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
    <message>
        <source>closing BodyMap</source>
        <translation>cerrar BodyMap</translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <source>Optional; kept only in the saved file</source>
        <translation>Opcional; solo en el archivo</translation>
    </message>
    <message>
        <source>Marked areas</source>
        <translation>Zonas marcadas</translation>
    </message>
    <message>
        <source>Remove Area</source>
        <translation>Quitar zona</translation>
    </message>
    <message>
        <source>Click an area on the map, or move to it and press Enter, to mark it.</source>
        <translation>Para marcar una zona, haga clic en ella en el mapa, o vaya a ella con el teclado y pulse Intro.</translation>
    </message>
    <message>
        <source>Clear Comparison</source>
        <translation>Quitar la comparación</translation>
    </message>
    <message>
        <source>C&amp;lient:</source>
        <translation>C&amp;liente:</translation>
    </message>
    <message>
        <source>Marked &amp;areas:</source>
        <translation>Zonas &amp;marcadas:</translation>
    </message>
    <message>
        <source>Session no&amp;te:</source>
        <translation>Nota de la &amp;sesión:</translation>
    </message>
    <message>
        <source> out of 10</source>
        <translation> de 10</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Sin indicar</translation>
    </message>
    <message>
        <source>&amp;Remove Area</source>
        <translation>&amp;Quitar zona</translation>
    </message>
    <message>
        <source>Unmark this area (Delete on the map; Undo puts it back)</source>
        <translation>Desmarcar esta zona (Suprimir en el mapa; Deshacer la vuelve a marcar)</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Zona</translation>
    </message>
    <message>
        <source>&amp;Score:</source>
        <translation>&amp;Puntuación:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Tipo:</translation>
    </message>
    <message>
        <source>How &amp;often:</source>
        <translation>&amp;Frecuencia:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Nota:</translation>
    </message>
    <message>
        <source>Session note</source>
        <translation>Nota de la sesión</translation>
    </message>
    <message>
        <source>For the handout&apos;s first page</source>
        <translation>Para la primera página del folleto</translation>
    </message>
    <message>
        <source>Compared with the session of {date}</source>
        <translation>Comparada con la sesión del {date}</translation>
    </message>
    <message>
        <source>d MMMM yyyy</source>
        <translation>d &apos;de&apos; MMMM &apos;de&apos; yyyy</translation>
    </message>
    <message>
        <source>{area}: resolved (was {before})</source>
        <translation>{area}: resuelta (era {before})</translation>
    </message>
    <message>
        <source>New since last time</source>
        <translation>Nueva desde la última vez</translation>
    </message>
    <message>
        <source>Since last time: {scores}</source>
        <translation>Desde la última vez: {scores}</translation>
    </message>
    <message>
        <source>{area}: {score}</source>
        <translation>{area}: {score}</translation>
    </message>
    <message>
        <source>{area}: {score} (new)</source>
        <translation>{area}: {score} (nueva)</translation>
    </message>
    <message>
        <source>{area}: {scores}</source>
        <translation>{area}: {scores}</translation>
    </message>
</context>
<context>
    <name>ChartSession</name>
    <message>
        <source>Session Chart</source>
        <translation>Ficha de la sesión</translation>
    </message>
    <message>
        <source>Untitled session</source>
        <translation>Sesión sin título</translation>
    </message>
    <message>
        <source>Save this session?</source>
        <translation>¿Guardar esta sesión?</translation>
    </message>
    <message>
        <source>This session chart has changes that are not saved. Save them before {doing}?</source>
        <translation>Esta ficha de sesión tiene cambios sin guardar. ¿Desea guardarlos antes de {doing}?</translation>
    </message>
    <message>
        <source>starting a new client</source>
        <translation>empezar con un cliente nuevo</translation>
    </message>
    <message>
        <source>New client: an empty chart.</source>
        <translation>Nuevo cliente: una ficha vacía.</translation>
    </message>
    <message>
        <source>opening another session</source>
        <translation>abrir otra sesión</translation>
    </message>
    <message>
        <source>Open Session</source>
        <translation>Abrir sesión</translation>
    </message>
    <message>
        <source>The session could not be opened</source>
        <translation>No se pudo abrir la sesión</translation>
    </message>
    <message>
        <source>Opened {name}.</source>
        <translation>Se abrió {name}.</translation>
    </message>
    <message>
        <source>{name} could not be opened: {reason}.

In the folder {folder}</source>
        <translation>No se pudo abrir {name}: {reason}.

En la carpeta {folder}</translation>
    </message>
    <message>
        <source>Save Session</source>
        <translation>Guardar sesión</translation>
    </message>
    <message>
        <source>BodyMap sessions (*.json)</source>
        <translation>Sesiones de BodyMap (*.json)</translation>
    </message>
    <message>
        <source>The session could not be saved</source>
        <translation>No se pudo guardar la sesión</translation>
    </message>
    <message>
        <source>{name} could not be saved: {reason}.</source>
        <translation>No se pudo guardar {name}: {reason}.</translation>
    </message>
    <message>
        <source>Saved as {name}.</source>
        <translation>Guardada como {name}.</translation>
    </message>
    <message>
        <source>Compare With Earlier Session</source>
        <translation>Comparar con una sesión anterior</translation>
    </message>
    <message>
        <source>The earlier session could not be opened</source>
        <translation>No se pudo abrir la sesión anterior</translation>
    </message>
    <message>
        <source>Comparing with {name}.</source>
        <translation>Comparando con {name}.</translation>
    </message>
    <message>
        <source>Nothing to print yet</source>
        <translation>Todavía no hay nada que imprimir</translation>
    </message>
    <message>
        <source>Mark at least one area on the map for the chart handout.</source>
        <translation>Marque al menos una zona en el mapa para el folleto de la ficha.</translation>
    </message>
</context>
<context>
    <name>ChartWords</name>
    <message>
        <source>Cramp</source>
        <translation>Calambre</translation>
    </message>
    <message>
        <source>Spasm</source>
        <translation>Espasmo</translation>
    </message>
    <message>
        <source>Tightness</source>
        <translation>Tensión</translation>
    </message>
    <message>
        <source>Twitching</source>
        <translation>Tic muscular</translation>
    </message>
    <message>
        <source>Once</source>
        <translation>Una vez</translation>
    </message>
    <message>
        <source>Weekly</source>
        <translation>Cada semana</translation>
    </message>
    <message>
        <source>Several times a week</source>
        <translation>Varias veces por semana</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>A diario</translation>
    </message>
    <message>
        <source>Several times a day</source>
        <translation>Varias veces al día</translation>
    </message>
    <message>
        <source>Mark {area}</source>
        <translation>marcar {area}</translation>
    </message>
    <message>
        <source>Remove {area}</source>
        <translation>quitar {area}</translation>
    </message>
    <message>
        <source>Score {area} {score}</source>
        <translation>puntuar {area} con {score}</translation>
    </message>
    <message>
        <source>Set kind of {area}</source>
        <translation>cambiar el tipo de {area}</translation>
    </message>
    <message>
        <source>Set how often for {area}</source>
        <translation>cambiar la frecuencia de {area}</translation>
    </message>
    <message>
        <source>Edit note on {area}</source>
        <translation>editar la nota de {area}</translation>
    </message>
    <message>
        <source>Edit session note</source>
        <translation>editar la nota de la sesión</translation>
    </message>
    <message>
        <source>Edit client&apos;s name</source>
        <translation>editar el nombre del cliente</translation>
    </message>
    <message>
        <source>“{region}” is not an area of the body map.</source>
        <translation>«{region}» no es una zona del mapa del cuerpo.</translation>
    </message>
    <message>
        <source>The {area} is marked on each side: choose the left or the right.</source>
        <translation>{area} se marca por lados: elija el izquierdo o el derecho.</translation>
    </message>
    <message>
        <source>The {area} has no left or right side.</source>
        <translation>{area} no tiene lado izquierdo ni derecho.</translation>
    </message>
    <message>
        <source>The score must be a whole number from 0 to 10, not {score}.</source>
        <translation>La puntuación debe ser un número entero del 0 al 10, no {score}.</translation>
    </message>
    <message>
        <source>The {area} is already marked.</source>
        <translation>{area} ya está en la ficha.</translation>
    </message>
    <message>
        <source>The {area} is not marked.</source>
        <translation>{area} no está en la ficha.</translation>
    </message>
    <message>
        <source>The {area} is marked twice.</source>
        <translation>{area} está dos veces en la ficha.</translation>
    </message>
    <message>
        <source>The client&apos;s name is longer than {limit} characters.</source>
        <translation>El nombre del cliente tiene más de {limit} caracteres.</translation>
    </message>
    <message>
        <source>The note is {length} characters long; an area has room for {limit}.</source>
        <translation>La nota tiene {length} caracteres; en una zona caben {limit} como máximo.</translation>
    </message>
    <message>
        <source>The note is {length} characters long; a session has room for {limit}.</source>
        <translation>La nota tiene {length} caracteres; en una sesión caben {limit} como máximo.</translation>
    </message>
    <message>
        <source>{kind}, {score} out of 10</source>
        <translation>{kind}, {score} de 10</translation>
    </message>
    <message>
        <source>{score} out of 10</source>
        <translation>{score} de 10</translation>
    </message>
    <message>
        <source>{now}, was {before}</source>
        <translation>{now}, antes {before}</translation>
    </message>
</context>
<context>
    <name>ClinicPreferencesWidget</name>
    <message>
        <source>Clinic name</source>
        <translation>Nombre de la clínica</translation>
    </message>
    <message>
        <source>Clinic address</source>
        <translation>Dirección de la clínica</translation>
    </message>
    <message>
        <source>Clinic phone number</source>
        <translation>Teléfono de la clínica</translation>
    </message>
    <message>
        <source>Clinic website</source>
        <translation>Sitio web de la clínica</translation>
    </message>
    <message>
        <source>Default paper size</source>
        <translation>Tamaño de papel predeterminado</translation>
    </message>
    <message>
        <source>This computer&apos;s default ({paper})</source>
        <translation>El de este ordenador ({paper})</translation>
    </message>
    <message>
        <source>Default print size</source>
        <translation>Tamaño de letra predeterminado</translation>
    </message>
    <message>
        <source>Footer note</source>
        <translation>Nota al pie</translation>
    </message>
    <message>
        <source>For example: Questions? Call us Monday to Friday.</source>
        <translation>Por ejemplo: ¿Preguntas? Llámenos de lunes a viernes.</translation>
    </message>
    <message>
        <source>Clinic &amp;name:</source>
        <translation>&amp;Nombre de la clínica:</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Dirección:</translation>
    </message>
    <message>
        <source>P&amp;hone:</source>
        <translation>Telé&amp;fono:</translation>
    </message>
    <message>
        <source>&amp;Website:</source>
        <translation>Sitio &amp;web:</translation>
    </message>
    <message>
        <source>&amp;Logo:</source>
        <translation>&amp;Logotipo:</translation>
    </message>
    <message>
        <source>Paper si&amp;ze:</source>
        <translation>Tamaño del p&amp;apel:</translation>
    </message>
    <message>
        <source>P&amp;rint size:</source>
        <translation>Tamaño de le&amp;tra:</translation>
    </message>
    <message>
        <source>&amp;Footer note:</source>
        <translation>N&amp;ota al pie:</translation>
    </message>
    <message>
        <source>Logo image file</source>
        <translation>Archivo de imagen del logotipo</translation>
    </message>
    <message>
        <source>No logo</source>
        <translation>Sin logotipo</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>E&amp;xaminar…</translation>
    </message>
    <message>
        <source>Choose a logo image</source>
        <translation>Elegir una imagen para el logotipo</translation>
    </message>
    <message>
        <source>Use no logo</source>
        <translation>No usar logotipo</translation>
    </message>
    <message>
        <source>Logo preview</source>
        <translation>Vista previa del logotipo</translation>
    </message>
    <message>
        <source>{description}. On handouts it keeps this shape.</source>
        <translation>{description}. En los folletos conserva esta forma.</translation>
    </message>
    <message>
        <source>Choose the clinic logo</source>
        <translation>Elegir el logotipo de la clínica</translation>
    </message>
    <message>
        <source>Images ({patterns});;All files (*)</source>
        <translation>Imágenes ({patterns});;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Carta</translation>
    </message>
</context>
<context>
    <name>ContentFolderChooser</name>
    <message>
        <source>Clinic pages folder</source>
        <translation>Carpeta de páginas de la clínica</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>Ele&amp;gir…</translation>
    </message>
    <message>
        <source>Pages in this folder replace the shipped pages with the same id, and new pages are added. Updates of BodyMap never change it. Edit → Edit This Page copies a page here. Choose a shared folder (for example a git repository) to use the same pages on several computers. Leave it empty for the usual folder.</source>
        <translation>Las páginas de esta carpeta sustituyen a las páginas incluidas con el mismo identificador, y las nuevas se añaden. Las actualizaciones de BodyMap nunca la cambian. Editar → Editar esta página copia aquí una página. Elija una carpeta compartida (por ejemplo, un repositorio git) para usar las mismas páginas en varios ordenadores. Déjela vacía para usar la carpeta habitual.</translation>
    </message>
    <message>
        <source>Folder for the clinic&apos;s pages</source>
        <translation>Carpeta para las páginas de la clínica</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>{app} hit an unexpected problem and stopped what it was doing. You can keep using it; if something looks wrong, close it and open it again.</source>
        <translation>{app} tuvo un problema inesperado y dejó de hacer lo que estaba haciendo. Puede seguir usándolo; si algo no se ve bien, ciérrelo y vuelva a abrirlo.</translation>
    </message>
    <message>
        <source>{app} could not open its window because of an unexpected problem. Please try again; if it happens again, nothing you saved is lost.</source>
        <translation>{app} no pudo abrir su ventana por un problema inesperado. Vuelva a intentarlo; si vuelve a ocurrir, no se pierde nada de lo que guardó.</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>Algo salió mal</translation>
    </message>
    <message>
        <source>If it keeps happening, press Copy details and paste them into an email to whoever supports {app}.</source>
        <translation>Si sigue ocurriendo, pulse Copiar detalles y péguelos en un correo electrónico para quien dé soporte a {app}.</translation>
    </message>
    <message>
        <source>The details are also saved in the log file:
{file}</source>
        <translation>Los detalles también se guardan en el archivo de registro:
{file}</translation>
    </message>
    <message>
        <source>&amp;Copy details</source>
        <translation>&amp;Copiar detalles</translation>
    </message>
    <message>
        <source>The details are on the clipboard, ready to paste into an email.</source>
        <translation>Los detalles están en el portapapeles, listos para pegarlos en un correo electrónico.</translation>
    </message>
    <message>
        <source>It happened once more while this message was open.</source>
        <translation>Ocurrió una vez más mientras este mensaje estaba abierto.</translation>
    </message>
    <message numerus="yes">
        <source>It happened %n more times while this message was open.</source>
        <translation>
            <numerusform>Ocurrió %n vez más mientras este mensaje estaba abierto.</numerusform>
            <numerusform>Ocurrió %n veces más mientras este mensaje estaba abierto.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportHandoutDialog</name>
    <message>
        <source>Export Handout as PDF</source>
        <translation>Exportar folleto como PDF</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportar…</translation>
    </message>
</context>
<context>
    <name>GoMenus</name>
    <message>
        <source>&amp;Body regions</source>
        <translation>&amp;Zonas del cuerpo</translation>
    </message>
    <message>
        <source>&amp;Topics</source>
        <translation>&amp;Temas</translation>
    </message>
    <message>
        <source>{region} (not available)</source>
        <translation>{region} (no disponible)</translation>
    </message>
    <message numerus="yes">
        <source>All %n topics in the list…</source>
        <translation>
            <numerusform>El tema de la lista…</numerusform>
            <numerusform>Los %n temas de la lista…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HandoutBasket</name>
    <message>
        <source>Add Page</source>
        <translation>añadir página</translation>
    </message>
    <message>
        <source>Remove Page</source>
        <translation>quitar página</translation>
    </message>
    <message>
        <source>Move Page</source>
        <translation>mover página</translation>
    </message>
    <message>
        <source>Clear Handout</source>
        <translation>vaciar folleto</translation>
    </message>
</context>
<context>
    <name>HandoutController</name>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimir…</translation>
    </message>
    <message>
        <source>Print Pre&amp;view…</source>
        <translation>&amp;Vista previa de impresión…</translation>
    </message>
    <message>
        <source>&amp;Export PDF…</source>
        <translation>&amp;Exportar PDF…</translation>
    </message>
    <message>
        <source>&amp;Add to Handout</source>
        <translation>&amp;Añadir al folleto</translation>
    </message>
    <message>
        <source>Print Hando&amp;ut…</source>
        <translation>I&amp;mprimir folleto…</translation>
    </message>
    <message>
        <source>Previe&amp;w Handout…</source>
        <translation>Vis&amp;ta previa del folleto…</translation>
    </message>
    <message>
        <source>Export Handout as P&amp;DF…</source>
        <translation>E&amp;xportar folleto como PDF…</translation>
    </message>
    <message>
        <source>Add this page to the handout basket</source>
        <translation>Añadir esta página a la cesta del folleto</translation>
    </message>
    <message>
        <source>Print the pages in the handout basket</source>
        <translation>Imprimir las páginas de la cesta del folleto</translation>
    </message>
    <message>
        <source>Preview the pages in the handout basket</source>
        <translation>Ver la vista previa de las páginas de la cesta del folleto</translation>
    </message>
    <message>
        <source>Save the pages in the handout basket as one PDF</source>
        <translation>Guardar las páginas de la cesta del folleto en un solo PDF</translation>
    </message>
    <message>
        <source>This page breaks a safety rule: it cannot be printed until its file is fixed</source>
        <translation>Esta página no cumple una regla de seguridad: no se puede imprimir hasta que se corrija su archivo</translation>
    </message>
    <message>
        <source>This handout cannot be printed</source>
        <translation>Este folleto no se puede imprimir</translation>
    </message>
    <message>
        <source>{problem}

Ask the person who edits your pages to fix it; the yellow bar lists every problem.</source>
        <translation>{problem}

Pida a la persona que edita sus páginas que lo corrija; la barra amarilla enumera todos los problemas.</translation>
    </message>
    <message>
        <source>Print Handout</source>
        <translation>Imprimir folleto</translation>
    </message>
    <message>
        <source>Could not print the handout</source>
        <translation>No se pudo imprimir el folleto</translation>
    </message>
    <message>
        <source>The handout could not be sent to {printer}.

{reason}</source>
        <translation>No se pudo enviar el folleto a {printer}.

{reason}</translation>
    </message>
    <message>
        <source>The handout could not be sent to the printer.

{reason}</source>
        <translation>No se pudo enviar el folleto a la impresora.

{reason}</translation>
    </message>
    <message>
        <source>Export Handout as PDF</source>
        <translation>Exportar folleto como PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Could not save the handout</source>
        <translation>No se pudo guardar el folleto</translation>
    </message>
    <message>
        <source>The handout could not be saved as {path}.

{reason}</source>
        <translation>No se pudo guardar el folleto como {path}.

{reason}</translation>
    </message>
    <message>
        <source>Clinic logo not used</source>
        <translation>No se usó el logotipo de la clínica</translation>
    </message>
    <message>
        <source>{problem}

The handout will be made without the logo. You can choose another one in Edit → Preferences.</source>
        <translation>{problem}

El folleto se hará sin el logotipo. Puede elegir otro en Editar → Preferencias.</translation>
    </message>
</context>
<context>
    <name>HandoutOptionsPanel</name>
    <message>
        <source>Clear print (12 pt)</source>
        <translation>Letra clara (12 pt)</translation>
    </message>
    <message>
        <source>Large print (16 pt)</source>
        <translation>Letra grande (16 pt)</translation>
    </message>
    <message>
        <source>What a massage therapist may do</source>
        <translation>Lo que puede hacer un masajista</translation>
    </message>
    <message>
        <source>Self-massage at home</source>
        <translation>Automasaje en casa</translation>
    </message>
    <message>
        <source>Prevention</source>
        <translation>Prevención</translation>
    </message>
    <message>
        <source>Print size</source>
        <translation>Tamaño de letra</translation>
    </message>
    <message>
        <source>Client&apos;s name</source>
        <translation>Nombre del cliente</translation>
    </message>
    <message>
        <source>Optional: printed as “For: …”</source>
        <translation>Opcional: se imprime como «Para: …»</translation>
    </message>
    <message>
        <source>Date on the handout</source>
        <translation>Fecha del folleto</translation>
    </message>
    <message>
        <source>d MMMM yyyy</source>
        <translation>d &apos;de&apos; MMMM &apos;de&apos; yyyy</translation>
    </message>
    <message>
        <source>What to include</source>
        <translation>Qué incluir</translation>
    </message>
    <message>
        <source>Lan&amp;guage:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <source>Print si&amp;ze:</source>
        <translation>&amp;Tamaño de letra:</translation>
    </message>
    <message>
        <source>&amp;For:</source>
        <translation>&amp;Para:</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Fecha:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Nota:</translation>
    </message>
    <message>
        <source>&amp;Include:</source>
        <translation>In&amp;cluir:</translation>
    </message>
    <message>
        <source>A note from the therapist</source>
        <translation>Una nota del terapeuta</translation>
    </message>
    <message>
        <source>Optional: a few words for this client</source>
        <translation>Opcional: unas palabras para este cliente</translation>
    </message>
    <message>
        <source>Language of the handout</source>
        <translation>Idioma del folleto</translation>
    </message>
    <message>
        <source>Español, then English</source>
        <translation>Español y después English</translation>
    </message>
    <message>
        <source>English, then Español</source>
        <translation>English y después Español</translation>
    </message>
    <message>
        <source>Warnings and red flags (always printed)</source>
        <translation>Advertencias y señales de alarma (siempre se imprimen)</translation>
    </message>
    <message>
        <source>{length} of {limit} characters</source>
        <translation>{length} de {limit} caracteres</translation>
    </message>
    <message>
        <source>{over} characters too long: shorten the note to print it</source>
        <translation>{over} caracteres de más: acorte la nota para imprimirla</translation>
    </message>
</context>
<context>
    <name>HandoutPreviewDialog</name>
    <message>
        <source>Print Preview</source>
        <translation>Vista previa de impresión</translation>
    </message>
    <message>
        <source>Handout pages</source>
        <translation>Páginas del folleto</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimir…</translation>
    </message>
    <message>
        <source>&amp;Export PDF…</source>
        <translation>&amp;Exportar PDF…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Made for this client</source>
        <translation>Hecho para este cliente</translation>
    </message>
    <message>
        <source>Fit &amp;Width</source>
        <translation>Ajustar al &amp;ancho</translation>
    </message>
    <message>
        <source>Whole &amp;Page</source>
        <translation>Página &amp;completa</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>A&amp;lejar</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>A&amp;cercar</translation>
    </message>
    <message>
        <source>Previous Page</source>
        <translation>Página anterior</translation>
    </message>
    <message>
        <source>Next Page</source>
        <translation>Página siguiente</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>Página {page} de {pages}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;System</source>
        <translation>&amp;Sistema</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Claro</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Oscuro</translation>
    </message>
    <message>
        <source>Handout</source>
        <translation>Folleto</translation>
    </message>
    <message>
        <source>&amp;General topics</source>
        <translation>Temas &amp;generales</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Atrás</translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>Adela&amp;nte</translation>
    </message>
    <message>
        <source>&amp;Home</source>
        <translation>&amp;Inicio</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;About BodyMap</source>
        <translation>&amp;Acerca de BodyMap</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Preferencias…</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>Navegación</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Buscar…</translation>
    </message>
    <message>
        <source>&amp;Reload Content</source>
        <translation>&amp;Recargar contenido</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Ir</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Appearance</source>
        <translation>&amp;Apariencia</translation>
    </message>
    <message>
        <source>&amp;Larger Text</source>
        <translation>Texto más &amp;grande</translation>
    </message>
    <message>
        <source>&amp;Smaller Text</source>
        <translation>Texto más &amp;pequeño</translation>
    </message>
    <message>
        <source>&amp;Usual Text Size</source>
        <translation>Tamaño de texto &amp;habitual</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>How to use BodyMap</source>
        <translation>Cómo usar BodyMap</translation>
    </message>
    <message>
        <source>Back (Alt+Left)</source>
        <translation>Atrás (Alt+Izquierda)</translation>
    </message>
    <message>
        <source>Forward (Alt+Right)</source>
        <translation>Adelante (Alt+Derecha)</translation>
    </message>
    <message>
        <source>Home: how to use BodyMap (Alt+Home)</source>
        <translation>Inicio: cómo usar BodyMap (Alt+Inicio)</translation>
    </message>
    <message>
        <source>Read the content files again (F5)</source>
        <translation>Volver a leer los archivos de contenido (F5)</translation>
    </message>
    <message>
        <source>Text size {percent}%</source>
        <translation>Tamaño del texto: {percent} %</translation>
    </message>
    <message>
        <source>{region} cannot be opened: {why}</source>
        <translation>No se puede abrir {region}: {why}</translation>
    </message>
</context>
<context>
    <name>PageEditor</name>
    <message>
        <source>&amp;Edit This Page…</source>
        <translation>&amp;Editar esta página…</translation>
    </message>
    <message>
        <source>Open the clinic&apos;s own copy of this page in a text editor (made from the shipped page the first time)</source>
        <translation>Abrir en un editor de texto la copia de esta página de la clínica (se crea a partir de la página incluida la primera vez)</translation>
    </message>
    <message>
        <source>Cannot copy the page</source>
        <translation>No se puede copiar la página</translation>
    </message>
    <message>
        <source>The page could not be copied into the clinic&apos;s folder.

{reason}</source>
        <translation>No se pudo copiar la página en la carpeta de la clínica.

{reason}</translation>
    </message>
    <message>
        <source>Open the page in a text editor</source>
        <translation>Abra la página en un editor de texto</translation>
    </message>
    <message>
        <source>This computer has no program set to open YAML files. Open this file in a text editor (such as Notepad, TextEdit or gedit):

{file}</source>
        <translation>Este ordenador no tiene ningún programa para abrir archivos YAML. Abra este archivo en un editor de texto (como Bloc de notas, TextEdit o gedit):

{file}</translation>
    </message>
</context>
<context>
    <name>PageView</name>
    <message>
        <source>Page</source>
        <translation>Página</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>{number} is the emergency number here: the same-day help must be a doctor, a nurse line or a clinic, not emergency services.</source>
        <translation>El {number} es el número de emergencias aquí: la ayuda en el mismo día debe ser un médico, una línea de enfermería o una clínica, no los servicios de emergencia.</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Preferencias</translation>
    </message>
    <message>
        <source>Emergency number</source>
        <translation>Número de emergencias</translation>
    </message>
    <message>
        <source>Shown wherever a page says to call emergency services. Leave it empty to use the number for this computer&apos;s country ({number}).</source>
        <translation>Se muestra dondequiera que una página diga que llame a emergencias. Déjelo vacío para usar el número del país de este ordenador ({number}).</translation>
    </message>
    <message>
        <source>Same-day help</source>
        <translation>Ayuda en el mismo día</translation>
    </message>
    <message>
        <source>Shown in every &quot;Get medical help today&quot; box, after &quot;Contact&quot;. Leave it empty to use the usual service for this computer&apos;s country.</source>
        <translation>Se muestra en cada recuadro «Busque atención médica hoy», después de «Contacte con». Déjelo vacío para usar el servicio habitual del país de este ordenador.</translation>
    </message>
    <message>
        <source>&amp;Emergency number:</source>
        <translation>Número de &amp;emergencias:</translation>
    </message>
    <message>
        <source>&amp;Same-day help:</source>
        <translation>A&amp;yuda en el mismo día:</translation>
    </message>
    <message>
        <source>Clinic details on printed handouts</source>
        <translation>Datos de la clínica en los folletos impresos</translation>
    </message>
    <message>
        <source>The clinic&apos;s own pages</source>
        <translation>Las páginas propias de la clínica</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Automatic (this computer&apos;s: {language})</source>
        <translation>Automático (el de este ordenador: {language})</translation>
    </message>
    <message>
        <source>Lan&amp;guage:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <source>Language of the pages</source>
        <translation>Idioma de las páginas</translation>
    </message>
    <message>
        <source>The same as the interface</source>
        <translation>El mismo que la interfaz</translation>
    </message>
    <message>
        <source>&amp;Pages in:</source>
        <translation>&amp;Páginas en:</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a phone number: use digits only, like 911 or 112.</source>
        <translation>«{text}» no es un número de teléfono: use solo cifras, como 911 o 112.</translation>
    </message>
</context>
<context>
    <name>ProblemsBar</name>
    <message>
        <source>Show details…</source>
        <translation>Ver detalles…</translation>
    </message>
    <message>
        <source>…and {count} more.</source>
        <translation>…y {count} más.</translation>
    </message>
    <message>
        <source>Problems in the content files</source>
        <translation>Problemas en los archivos de contenido</translation>
    </message>
    <message>
        <source>Content folder: {folder}</source>
        <translation>Carpeta de contenido: {folder}</translation>
    </message>
    <message>
        <source>1 problem</source>
        <translation>1 problema</translation>
    </message>
    <message>
        <source>1 note</source>
        <translation>1 nota</translation>
    </message>
    <message>
        <source>{count} pages break a safety rule and cannot be printed until fixed</source>
        <translation>{count} páginas no cumplen una regla de seguridad y no se pueden imprimir hasta que se corrijan</translation>
    </message>
    <message>
        <source>{count} pages show their last good version until the file is fixed</source>
        <translation>{count} páginas muestran su última versión correcta hasta que se corrijan los archivos</translation>
    </message>
    <message>
        <source>{count} problems</source>
        <translation>{count} problemas</translation>
    </message>
    <message>
        <source>{count} notes</source>
        <translation>{count} notas</translation>
    </message>
    <message>
        <source>{problems} and {notes} in the content files</source>
        <translation>{problems} y {notes} en los archivos de contenido</translation>
    </message>
    <message>
        <source>{problems} in the content files</source>
        <translation>{problems} en los archivos de contenido</translation>
    </message>
    <message>
        <source>{notes} about the content files</source>
        <translation>{notes} sobre los archivos de contenido</translation>
    </message>
    <message>
        <source>1 page breaks a safety rule and cannot be printed until fixed</source>
        <translation>1 página no cumple una regla de seguridad y no se puede imprimir hasta que se corrija</translation>
    </message>
    <message>
        <source>1 page shows its last good version until the file is fixed</source>
        <translation>1 página muestra su última versión correcta hasta que se corrija el archivo</translation>
    </message>
    <message>
        <source>pages with errors are not shown</source>
        <translation>las páginas con errores no se muestran</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <comment>All other platforms</comment>
        <translation>Carpeta</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Buscar en:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Archivos de &amp;tipo:</translation>
    </message>
</context>
<context>
    <name>QPrintSettingsOutput</name>
    <message>
        <source>Double Sided Printing</source>
        <translation>Impresión a doble cara</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Long side binding</source>
        <translation>Encuadernación por el lado largo</translation>
    </message>
    <message>
        <source>Short side binding</source>
        <translation>Encuadernación por el lado corto</translation>
    </message>
    <message>
        <source>Page &amp;Set:</source>
        <translation>&amp;Conjunto de páginas:</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Páginas</translation>
    </message>
    <message>
        <source>Specify pages or ranges separated by commas. Ranges are specified by two numbers separated by a hyphen. E.g: 3,5-7,9 prints pages 3, 5, 6, 7 and 9.</source>
        <translation>Indique páginas o intervalos separados por comas. Un intervalo son dos números separados por un guion. Por ejemplo: 3,5-7,9 imprime las páginas 3, 5, 6, 7 y 9.</translation>
    </message>
</context>
<context>
    <name>RegionButton</name>
    <message>
        <source>{region} is open. Click again for both sides.</source>
        <translation>{region} está abierta. Haga clic otra vez para ver los dos lados.</translation>
    </message>
    <message>
        <source>Press Enter or Space to open the {region} page.</source>
        <translation>Pulse Intro o Espacio para abrir la página {region}.</translation>
    </message>
    <message>
        <source>{region} is not available: {why}</source>
        <translation>{region} no está disponible: {why}</translation>
    </message>
    <message>
        <source>{region} (not available)</source>
        <translation>{region} (no disponible)</translation>
    </message>
</context>
<context>
    <name>ResultsPopup</name>
    <message>
        <source>Search results</source>
        <translation>Resultados de la búsqueda</translation>
    </message>
</context>
<context>
    <name>SavedMessage</name>
    <message>
        <source>Handout saved</source>
        <translation>Folleto guardado</translation>
    </message>
    <message>
        <source>The handout was saved as {file}.</source>
        <translation>El folleto se guardó como {file}.</translation>
    </message>
    <message>
        <source>In the folder {folder}</source>
        <translation>En la carpeta {folder}</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Abrir</translation>
    </message>
    <message>
        <source>Show in &amp;Folder</source>
        <translation>Mostrar en la &amp;carpeta</translation>
    </message>
</context>
<context>
    <name>ScoreLegend</name>
    <message>
        <source>Score scale</source>
        <translation>Escala de puntuación</translation>
    </message>
    <message>
        <source>Scores from 0, no pain, light yellow, to 10, the worst pain, dark red.</source>
        <translation>Puntuaciones de 0, sin dolor, en amarillo claro, a 10, el peor dolor, en rojo oscuro.</translation>
    </message>
    <message>
        <source>0 no pain</source>
        <translation>0 sin dolor</translation>
    </message>
    <message>
        <source>10 worst imaginable</source>
        <translation>10 el peor imaginable</translation>
    </message>
</context>
<context>
    <name>SearchField</name>
    <message>
        <source>Search, e.g. “charley horse” (Ctrl+F)</source>
        <translation>Buscar, p. ej. «calambre en la pierna» (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search topics</source>
        <translation>Buscar temas</translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <source>No results for “{query}”.</source>
        <translation>No hay resultados para «{query}».</translation>
    </message>
    <message>
        <source>Did you mean:</source>
        <translation>Quizá quiso decir:</translation>
    </message>
    <message>
        <source>Try other words.</source>
        <translation>Pruebe con otras palabras.</translation>
    </message>
    <message>
        <source>Search for {words}</source>
        <translation>Buscar {words}</translation>
    </message>
    <message>
        <source>{region} region</source>
        <translation>zona: {region}</translation>
    </message>
</context>
<context>
    <name>Setting</name>
    <message>
        <source>window size and position</source>
        <translation>tamaño y posición de la ventana</translation>
    </message>
    <message>
        <source>window layout</source>
        <translation>distribución de la ventana</translation>
    </message>
    <message>
        <source>last page opened</source>
        <translation>última página abierta</translation>
    </message>
    <message>
        <source>appearance</source>
        <translation>apariencia</translation>
    </message>
    <message>
        <source>text size</source>
        <translation>tamaño del texto</translation>
    </message>
    <message>
        <source>language</source>
        <translation>idioma</translation>
    </message>
    <message>
        <source>page language</source>
        <translation>idioma de las páginas</translation>
    </message>
    <message>
        <source>emergency number</source>
        <translation>número de emergencias</translation>
    </message>
    <message>
        <source>same-day help</source>
        <translation>ayuda en el mismo día</translation>
    </message>
    <message>
        <source>clinic name</source>
        <translation>nombre de la clínica</translation>
    </message>
    <message>
        <source>clinic address</source>
        <translation>dirección de la clínica</translation>
    </message>
    <message>
        <source>clinic phone</source>
        <translation>teléfono de la clínica</translation>
    </message>
    <message>
        <source>clinic website</source>
        <translation>sitio web de la clínica</translation>
    </message>
    <message>
        <source>clinic logo</source>
        <translation>logotipo de la clínica</translation>
    </message>
    <message>
        <source>handout footer note</source>
        <translation>nota al pie del folleto</translation>
    </message>
    <message>
        <source>paper size</source>
        <translation>tamaño del papel</translation>
    </message>
    <message>
        <source>handout basket</source>
        <translation>cesta del folleto</translation>
    </message>
    <message>
        <source>last folder used for handouts</source>
        <translation>última carpeta usada para folletos</translation>
    </message>
    <message>
        <source>handout print size</source>
        <translation>tamaño de letra del folleto</translation>
    </message>
    <message>
        <source>clinic content folder</source>
        <translation>carpeta de contenido de la clínica</translation>
    </message>
</context>
<context>
    <name>SettingsNotice</name>
    <message>
        <source>the file could not be opened</source>
        <translation>no se pudo abrir el archivo</translation>
    </message>
    <message>
        <source>there is a folder or another kind of item where the file should be</source>
        <translation>hay una carpeta u otro tipo de elemento donde debería estar el archivo</translation>
    </message>
    <message>
        <source>the file is damaged</source>
        <translation>el archivo está dañado</translation>
    </message>
    <message>
        <source>Some saved settings could not be used, so {app} is using the usual ones instead:
{lines}
The lines are left in the settings file for you to correct.
Settings file: {file}</source>
        <translation>Algunos ajustes guardados no se pudieron usar, así que {app} usa los habituales en su lugar:
{lines}
Las líneas se dejan en el archivo de ajustes para que usted las corrija.
Archivo de ajustes: {file}</translation>
    </message>
    <message>
        <source>{name}= under [{section}]</source>
        <translation>{name}= en [{section}]</translation>
    </message>
    <message>
        <source>{app} could not read its saved settings ({reason}), so it started with its usual settings. Changes will not be kept until the file is repaired or removed.
Settings file: {file}</source>
        <translation>{app} no pudo leer sus ajustes guardados ({reason}), así que empezó con los ajustes habituales. Los cambios no se guardarán hasta que se repare o se elimine el archivo.
Archivo de ajustes: {file}</translation>
    </message>
    <message>
        <source>{app} could not read its saved settings ({reason}), so it started with its usual settings. The clinic details and the handout basket may need to be entered again.</source>
        <translation>{app} no pudo leer sus ajustes guardados ({reason}), así que empezó con los ajustes habituales. Puede que haya que volver a introducir los datos de la clínica y la cesta del folleto.</translation>
    </message>
    <message>
        <source>The old file was kept as: {file}</source>
        <translation>El archivo anterior se guardó como: {file}</translation>
    </message>
    <message>
        <source>Settings were reset</source>
        <translation>Se restablecieron los ajustes</translation>
    </message>
</context>
<context>
    <name>TopicsList</name>
    <message>
        <source>General topics</source>
        <translation>Temas generales</translation>
    </message>
</context>
</TS>
