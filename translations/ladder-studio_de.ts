<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AuditView</name>
    <message>
        <location filename="../qml/AuditView.qml" line="69"/>
        <source>Audit</source>
        <translation>Audit</translation>
    </message>
    <message>
        <location filename="../qml/AuditView.qml" line="82"/>
        <source>Choose a session</source>
        <translation>Sitzung wählen</translation>
    </message>
    <message>
        <location filename="../qml/AuditView.qml" line="90"/>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location filename="../qml/AuditView.qml" line="94"/>
        <location filename="../qml/AuditView.qml" line="184"/>
        <source>Tier</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <location filename="../qml/AuditView.qml" line="100"/>
        <location filename="../qml/AuditView.qml" line="112"/>
        <location filename="../qml/AuditView.qml" line="124"/>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <location filename="../qml/AuditView.qml" line="106"/>
        <location filename="../qml/AuditView.qml" line="185"/>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location filename="../qml/AuditView.qml" line="118"/>
        <location filename="../qml/AuditView.qml" line="185"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../qml/AuditView.qml" line="134"/>
        <source>Export JSONL…</source>
        <translation>JSONL exportieren…</translation>
    </message>
    <message>
        <location filename="../qml/AuditView.qml" line="137"/>
        <source>The calls shown, with their requests, one JSON object a line</source>
        <translation>Die angezeigten Aufrufe mit ihren Anfragen, ein JSON-Objekt pro Zeile</translation>
    </message>
    <message>
        <location filename="../qml/AuditView.qml" line="150"/>
        <source>%1 calls · %2 failed · %3 tokens · $%4</source>
        <translation>%1 Aufrufe · %2 fehlgeschlagen · %3 Tokens · %4 $</translation>
    </message>
    <message>
        <location filename="../qml/AuditView.qml" line="184"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location filename="../qml/AuditView.qml" line="184"/>
        <source>Turn</source>
        <translation>Zug</translation>
    </message>
    <message>
        <location filename="../qml/AuditView.qml" line="184"/>
        <source>Attempt</source>
        <translation>Versuch</translation>
    </message>
    <message>
        <location filename="../qml/AuditView.qml" line="185"/>
        <source>In tok</source>
        <translation>Ein-Tok.</translation>
    </message>
    <message>
        <location filename="../qml/AuditView.qml" line="185"/>
        <source>Out tok</source>
        <translation>Aus-Tok.</translation>
    </message>
    <message>
        <location filename="../qml/AuditView.qml" line="186"/>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <location filename="../qml/AuditView.qml" line="186"/>
        <source>TTFT</source>
        <translation>TTFT</translation>
    </message>
    <message>
        <location filename="../qml/AuditView.qml" line="186"/>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <location filename="../qml/AuditView.qml" line="271"/>
        <source>Choose a session to see its provider calls.</source>
        <translation>Wählen Sie eine Sitzung, um ihre Anbieteraufrufe zu sehen.</translation>
    </message>
    <message>
        <location filename="../qml/AuditView.qml" line="272"/>
        <source>No calls match the filters.</source>
        <translation>Keine Aufrufe passen zu den Filtern.</translation>
    </message>
    <message>
        <location filename="../qml/AuditView.qml" line="287"/>
        <source>Request as sent</source>
        <translation>Gesendete Anfrage</translation>
    </message>
    <message>
        <location filename="../qml/AuditView.qml" line="290"/>
        <source>Response</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <location filename="../qml/AuditView.qml" line="325"/>
        <source>Select a call.</source>
        <translation>Wählen Sie einen Aufruf.</translation>
    </message>
    <message>
        <location filename="../qml/AuditView.qml" line="338"/>
        <source>Export Calls as JSONL</source>
        <translation>Aufrufe als JSONL exportieren</translation>
    </message>
    <message>
        <location filename="../qml/AuditView.qml" line="341"/>
        <source>JSON Lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
</context>
<context>
    <name>ChatMessage</name>
    <message>
        <location filename="../qml/ChatMessage.qml" line="117"/>
        <source>Turn %1</source>
        <translation>Zug %1</translation>
    </message>
    <message>
        <location filename="../qml/ChatMessage.qml" line="124"/>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <location filename="../qml/ChatMessage.qml" line="134"/>
        <source>Run from here…</source>
        <translation>Ab hier ausführen…</translation>
    </message>
    <message>
        <location filename="../qml/ChatMessage.qml" line="138"/>
        <source>Replay the chat from this turn on another ladder or with the memory as edited, side by side</source>
        <translation>Den Chat ab dieser Runde auf einer anderen Leiter oder mit dem bearbeiteten Gedächtnis erneut abspielen, nebeneinander</translation>
    </message>
    <message>
        <location filename="../qml/ChatMessage.qml" line="144"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../qml/ChatMessage.qml" line="151"/>
        <source>Resend as new branch</source>
        <translation>Als neuen Zweig senden</translation>
    </message>
    <message>
        <location filename="../qml/ChatMessage.qml" line="189"/>
        <source>Hide details</source>
        <translation>Details ausblenden</translation>
    </message>
    <message>
        <location filename="../qml/ChatMessage.qml" line="189"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../qml/ChatMessage.qml" line="257"/>
        <source>Answer</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <location filename="../qml/ChatMessage.qml" line="258"/>
        <source>routing…</source>
        <translation>Routing…</translation>
    </message>
    <message>
        <location filename="../qml/ChatMessage.qml" line="270"/>
        <source>%1 in · %2 out tok</source>
        <translation>%1 ein · %2 aus Tok.</translation>
    </message>
    <message>
        <location filename="../qml/ChatMessage.qml" line="283"/>
        <source>TTFT %1 · total %2</source>
        <translation>TTFT %1 · gesamt %2</translation>
    </message>
    <message>
        <location filename="../qml/ChatMessage.qml" line="345"/>
        <source>Copy code block %1</source>
        <translation>Codeblock %1 kopieren</translation>
    </message>
    <message>
        <location filename="../qml/ChatMessage.qml" line="371"/>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <location filename="../qml/ChatMessage.qml" line="377"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location filename="../qml/ChatMessage.qml" line="383"/>
        <source>Regenerate</source>
        <translation>Neu erzeugen</translation>
    </message>
    <message>
        <location filename="../qml/ChatMessage.qml" line="389"/>
        <source>Show in timeline</source>
        <translation>In der Zeitleiste zeigen</translation>
    </message>
</context>
<context>
    <name>ChatView</name>
    <message>
        <location filename="../qml/ChatView.qml" line="95"/>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <location filename="../qml/ChatView.qml" line="101"/>
        <location filename="../qml/ChatView.qml" line="221"/>
        <source>New chat</source>
        <translation>Neuer Chat</translation>
    </message>
    <message>
        <location filename="../qml/ChatView.qml" line="149"/>
        <source>Delete this session and its audit records</source>
        <translation>Diese Sitzung und ihre Audit-Einträge löschen</translation>
    </message>
    <message>
        <location filename="../qml/ChatView.qml" line="165"/>
        <source>%1 · %2 · %3 calls · $%4</source>
        <translation>%1 · %2 · %3 Aufrufe · %4 $</translation>
    </message>
    <message>
        <location filename="../qml/ChatView.qml" line="179"/>
        <source>Chats are saved here as you go.</source>
        <translation>Chats werden hier laufend gespeichert.</translation>
    </message>
    <message>
        <location filename="../qml/ChatView.qml" line="235"/>
        <source>Rename the session</source>
        <translation>Sitzung umbenennen</translation>
    </message>
    <message>
        <location filename="../qml/ChatView.qml" line="251"/>
        <source>%1 · %2 turns · $%3 · %4 tokens · mean %5 ms · %6 escalations · %7 fallbacks</source>
        <translation>%1 · %2 Züge · %3 $ · %4 Tokens · Mittel %5 ms · %6 Eskalationen · %7 Ausweichungen</translation>
    </message>
    <message>
        <location filename="../qml/ChatView.qml" line="253"/>
        <source>no ladder</source>
        <translation>keine Leiter</translation>
    </message>
    <message>
        <location filename="../qml/ChatView.qml" line="267"/>
        <source>read-only replay</source>
        <translation>schreibgeschützte Wiedergabe</translation>
    </message>
    <message>
        <location filename="../qml/ChatView.qml" line="270"/>
        <source>Speed</source>
        <translation>Tempo</translation>
    </message>
    <message>
        <location filename="../qml/ChatView.qml" line="278"/>
        <source>Real time</source>
        <translation>Echtzeit</translation>
    </message>
    <message>
        <location filename="../qml/ChatView.qml" line="278"/>
        <source>4× faster</source>
        <translation>4× schneller</translation>
    </message>
    <message>
        <location filename="../qml/ChatView.qml" line="278"/>
        <source>Instant</source>
        <translation>Sofort</translation>
    </message>
    <message>
        <location filename="../qml/ChatView.qml" line="283"/>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <location filename="../qml/ChatView.qml" line="343"/>
        <source>Ask something. The ladder “%1” decides which tier answers; escalations, fallbacks and handoffs appear inline.</source>
        <translation>Fragen Sie etwas. Die Leiter „%1“ entscheidet, welche Stufe antwortet; Eskalationen, Ausweichungen und Übergaben erscheinen im Verlauf.</translation>
    </message>
    <message>
        <location filename="../qml/ChatView.qml" line="346"/>
        <source>Open or create a ladder in Design, then chat with it here.</source>
        <translation>Öffnen oder erstellen Sie eine Leiter im Entwurf und chatten Sie hier mit ihr.</translation>
    </message>
    <message>
        <location filename="../qml/ChatView.qml" line="384"/>
        <source>A stored session is read-only: start a new chat to continue.</source>
        <translation>Eine gespeicherte Sitzung ist schreibgeschützt: Starten Sie einen neuen Chat, um fortzufahren.</translation>
    </message>
    <message>
        <location filename="../qml/ChatView.qml" line="385"/>
        <source>Message the ladder (Ctrl+Enter to send)</source>
        <translation>Nachricht an die Leiter (Strg+Eingabe zum Senden)</translation>
    </message>
    <message>
        <location filename="../qml/ChatView.qml" line="404"/>
        <source>Auto (router)</source>
        <translation>Automatisch (Router)</translation>
    </message>
    <message>
        <location filename="../qml/ChatView.qml" line="405"/>
        <source>Force %1</source>
        <translation>%1 erzwingen</translation>
    </message>
    <message>
        <location filename="../qml/ChatView.qml" line="409"/>
        <source>Tier for the next turn</source>
        <translation>Stufe für den nächsten Zug</translation>
    </message>
    <message>
        <location filename="../qml/ChatView.qml" line="416"/>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <location filename="../qml/ChatView.qml" line="428"/>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <location filename="../qml/ChatView.qml" line="446"/>
        <source>Export Chat</source>
        <translation>Chat exportieren</translation>
    </message>
    <message>
        <location filename="../qml/ChatView.qml" line="449"/>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <location filename="../qml/ChatView.qml" line="449"/>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../qml/ChatView.qml" line="468"/>
        <source>Same ladder, memory as edited now</source>
        <translation>Gleiche Leiter, Gedächtnis wie jetzt bearbeitet</translation>
    </message>
    <message>
        <location filename="../qml/ChatView.qml" line="473"/>
        <source>Single-model baseline</source>
        <translation>Einzelmodell-Vergleichsbasis</translation>
    </message>
    <message>
        <location filename="../qml/ChatView.qml" line="481"/>
        <source>Always %1 (%2)</source>
        <translation>Immer %1 (%2)</translation>
    </message>
    <message>
        <location filename="../qml/ChatView.qml" line="487"/>
        <source>Template</source>
        <translation>Vorlage</translation>
    </message>
</context>
<context>
    <name>CompareColumn</name>
    <message>
        <location filename="../qml/CompareColumn.qml" line="65"/>
        <source>Remove this column</source>
        <translation>Diese Spalte entfernen</translation>
    </message>
    <message>
        <location filename="../qml/CompareColumn.qml" line="73"/>
        <source>$%1 · %2 tokens · mean %3 ms</source>
        <translation>$%1 · %2 Tokens · Mittel %3 ms</translation>
    </message>
    <message>
        <location filename="../qml/CompareColumn.qml" line="76"/>
        <source>$%1 · %2 tokens · mean %3 ms · %4 escalations</source>
        <translation>%1 $ · %2 Tokens · Mittel %3 ms · %4 Eskalationen</translation>
    </message>
    <message>
        <location filename="../qml/CompareColumn.qml" line="151"/>
        <source>Run from here (turn %1)</source>
        <translation>Ab hier ausgeführt (Runde %1)</translation>
    </message>
    <message>
        <location filename="../qml/CompareColumn.qml" line="189"/>
        <source>✓ Preferred</source>
        <translation>✓ Bevorzugt</translation>
    </message>
    <message>
        <location filename="../qml/CompareColumn.qml" line="189"/>
        <source>This one is better</source>
        <translation>Diese ist besser</translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <location filename="../qml/CompareView.qml" line="58"/>
        <source>Compare</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <location filename="../qml/CompareView.qml" line="64"/>
        <source>%1 of 4 columns</source>
        <translation>%1 von 4 Spalten</translation>
    </message>
    <message>
        <location filename="../qml/CompareView.qml" line="72"/>
        <source>Add column</source>
        <translation>Spalte hinzufügen</translation>
    </message>
    <message>
        <location filename="../qml/CompareView.qml" line="80"/>
        <source>Open ladder (%1)</source>
        <translation>Geöffnete Leiter (%1)</translation>
    </message>
    <message>
        <location filename="../qml/CompareView.qml" line="85"/>
        <source>Template</source>
        <translation>Vorlage</translation>
    </message>
    <message>
        <location filename="../qml/CompareView.qml" line="99"/>
        <source>Single-model baseline</source>
        <translation>Basislinie mit einem Modell</translation>
    </message>
    <message>
        <location filename="../qml/CompareView.qml" line="109"/>
        <source>Always %1 (%2)</source>
        <translation>Immer %1 (%2)</translation>
    </message>
    <message>
        <location filename="../qml/CompareView.qml" line="118"/>
        <source>Blind</source>
        <translation>Blind</translation>
    </message>
    <message>
        <location filename="../qml/CompareView.qml" line="126"/>
        <source>Revealed</source>
        <translation>Aufgedeckt</translation>
    </message>
    <message>
        <location filename="../qml/CompareView.qml" line="126"/>
        <source>Reveal ladders</source>
        <translation>Leitern aufdecken</translation>
    </message>
    <message>
        <location filename="../qml/CompareView.qml" line="131"/>
        <source>Restart</source>
        <translation>Neu starten</translation>
    </message>
    <message>
        <location filename="../qml/CompareView.qml" line="144"/>
        <source>Run from turn %1: the turns before it are replayed at once, the rest at the model&apos;s pace.</source>
        <translation>Ab Runde %1 ausgeführt: die Runden davor werden sofort wiederholt, der Rest im Tempo des Modells.</translation>
    </message>
    <message>
        <location filename="../qml/CompareView.qml" line="157"/>
        <source>Picks: </source>
        <translation>Wahl: </translation>
    </message>
    <message>
        <location filename="../qml/CompareView.qml" line="158"/>
        <source>turn %1 → %2</source>
        <translation>Zug %1 → %2</translation>
    </message>
    <message>
        <location filename="../qml/CompareView.qml" line="191"/>
        <source>Add 2 to 4 columns: the open ladder, a template or an “always &lt;tier&gt;” baseline.</source>
        <translation>Fügen Sie 2 bis 4 Spalten hinzu: die geöffnete Leiter, eine Vorlage oder eine Basislinie „immer &lt;Stufe&gt;“.</translation>
    </message>
    <message>
        <location filename="../qml/CompareView.qml" line="216"/>
        <source>The same message goes to every column</source>
        <translation>Dieselbe Nachricht geht an jede Spalte</translation>
    </message>
    <message>
        <location filename="../qml/CompareView.qml" line="223"/>
        <source>Send to all</source>
        <translation>An alle senden</translation>
    </message>
    <message>
        <location filename="../qml/CompareView.qml" line="233"/>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
</context>
<context>
    <name>DetectorInspector</name>
    <message>
        <location filename="../qml/DetectorInspector.qml" line="27"/>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../qml/DetectorInspector.qml" line="37"/>
        <source>Enabled</source>
        <translation>Aktiviert</translation>
    </message>
    <message>
        <location filename="../qml/DetectorInspector.qml" line="43"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../qml/DetectorInspector.qml" line="47"/>
        <source>Lexicon (patterns raise a signal)</source>
        <translation>Lexikon (Muster lösen ein Signal aus)</translation>
    </message>
    <message>
        <location filename="../qml/DetectorInspector.qml" line="48"/>
        <source>Classifier (labels by task type)</source>
        <translation>Klassifikator (Etiketten nach Aufgabentyp)</translation>
    </message>
    <message>
        <location filename="../qml/DetectorInspector.qml" line="56"/>
        <source>Signal</source>
        <translation>Signal</translation>
    </message>
    <message>
        <location filename="../qml/DetectorInspector.qml" line="68"/>
        <source>Patterns (regular expressions, one per line)</source>
        <translation>Muster (reguläre Ausdrücke, eines pro Zeile)</translation>
    </message>
    <message>
        <location filename="../qml/DetectorInspector.qml" line="85"/>
        <source>Labels (one per line: label: pattern, pattern)</source>
        <translation>Etiketten (eines pro Zeile: Etikett: Muster, Muster)</translation>
    </message>
    <message>
        <location filename="../qml/DetectorInspector.qml" line="102"/>
        <source>Default label</source>
        <translation>Standardetikett</translation>
    </message>
    <message>
        <location filename="../qml/DetectorInspector.qml" line="113"/>
        <source>Listener tier (classifies once a model is wired)</source>
        <translation>Zuhörer-Stufe (klassifiziert, sobald ein Modell angebunden ist)</translation>
    </message>
    <message>
        <location filename="../qml/DetectorInspector.qml" line="119"/>
        <source>none (patterns only)</source>
        <translation>keine (nur Muster)</translation>
    </message>
</context>
<context>
    <name>DetectorNode</name>
    <message>
        <location filename="../qml/DetectorNode.qml" line="56"/>
        <source>off</source>
        <translation>aus</translation>
    </message>
</context>
<context>
    <name>DocumentInspector</name>
    <message>
        <location filename="../qml/DocumentInspector.qml" line="26"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../qml/DocumentInspector.qml" line="36"/>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <location filename="../qml/DocumentInspector.qml" line="49"/>
        <source>Entry tier (answers the first turn)</source>
        <translation>Einstiegsstufe (beantwortet den ersten Zug)</translation>
    </message>
    <message>
        <location filename="../qml/DocumentInspector.qml" line="63"/>
        <source>1 tier</source>
        <translation>1 Stufe</translation>
    </message>
    <message>
        <location filename="../qml/DocumentInspector.qml" line="64"/>
        <source>%1 tiers</source>
        <translation>%1 Stufen</translation>
    </message>
    <message>
        <location filename="../qml/DocumentInspector.qml" line="66"/>
        <source>1 transition</source>
        <translation>1 Übergang</translation>
    </message>
    <message>
        <location filename="../qml/DocumentInspector.qml" line="67"/>
        <source>%1 transitions</source>
        <translation>%1 Übergänge</translation>
    </message>
    <message>
        <location filename="../qml/DocumentInspector.qml" line="74"/>
        <source>Select a node or a transition label on the canvas to edit it.</source>
        <translation>Wählen Sie einen Knoten oder die Beschriftung eines Übergangs auf der Arbeitsfläche, um ihn zu bearbeiten.</translation>
    </message>
</context>
<context>
    <name>ErrorBanner</name>
    <message>
        <location filename="../qml/ErrorBanner.qml" line="41"/>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>Graph</name>
    <message>
        <location filename="../src/app/graph.cpp" line="121"/>
        <source>goal change</source>
        <translation>Zieländerung</translation>
    </message>
    <message>
        <location filename="../src/app/graph.cpp" line="123"/>
        <source>constraint conflict</source>
        <translation>Vorgabenkonflikt</translation>
    </message>
    <message>
        <location filename="../src/app/graph.cpp" line="125"/>
        <source>missing info</source>
        <translation>fehlende Angaben</translation>
    </message>
    <message>
        <location filename="../src/app/graph.cpp" line="127"/>
        <source>high stakes</source>
        <translation>hohe Tragweite</translation>
    </message>
    <message>
        <location filename="../src/app/graph.cpp" line="129"/>
        <source>deep debugging</source>
        <translation>tiefe Fehlersuche</translation>
    </message>
    <message>
        <location filename="../src/app/graph.cpp" line="131"/>
        <source>classification</source>
        <translation>Klassifizierung</translation>
    </message>
    <message>
        <location filename="../src/app/graph.cpp" line="133"/>
        <source>manual pick</source>
        <translation>manuelle Wahl</translation>
    </message>
    <message>
        <location filename="../src/app/graph.cpp" line="142"/>
        <source>escalate tool</source>
        <translation>Eskalations-Werkzeug</translation>
    </message>
    <message>
        <location filename="../src/app/graph.cpp" line="144"/>
        <source>refusal</source>
        <translation>Ablehnung</translation>
    </message>
    <message>
        <location filename="../src/app/graph.cpp" line="146"/>
        <source>low confidence</source>
        <translation>geringe Zuversicht</translation>
    </message>
    <message>
        <location filename="../src/app/graph.cpp" line="155"/>
        <source>rate limit</source>
        <translation>Ratenlimit</translation>
    </message>
    <message>
        <location filename="../src/app/graph.cpp" line="157"/>
        <source>quota exhausted</source>
        <translation>Kontingent erschöpft</translation>
    </message>
    <message>
        <location filename="../src/app/graph.cpp" line="159"/>
        <source>unavailable</source>
        <translation>nicht verfügbar</translation>
    </message>
    <message>
        <location filename="../src/app/graph.cpp" line="161"/>
        <source>timeout</source>
        <translation>Zeitüberschreitung</translation>
    </message>
    <message>
        <location filename="../src/app/graph.cpp" line="163"/>
        <source>auth error</source>
        <translation>Anmeldefehler</translation>
    </message>
    <message>
        <location filename="../src/app/graph.cpp" line="165"/>
        <source>bad request</source>
        <translation>ungültige Anfrage</translation>
    </message>
    <message>
        <location filename="../src/app/graph.cpp" line="167"/>
        <source>network error</source>
        <translation>Netzwerkfehler</translation>
    </message>
    <message>
        <location filename="../src/app/graph.cpp" line="169"/>
        <source>protocol error</source>
        <translation>Protokollfehler</translation>
    </message>
    <message>
        <location filename="../src/app/graph.cpp" line="171"/>
        <source>truncated</source>
        <translation>abgeschnitten</translation>
    </message>
    <message>
        <location filename="../src/app/graph.cpp" line="173"/>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <location filename="../src/app/graph.cpp" line="180"/>
        <source> or </source>
        <translation> oder </translation>
    </message>
    <message>
        <location filename="../src/app/graph.cpp" line="183"/>
        <source>after 1 turn</source>
        <translation>nach 1 Zug</translation>
    </message>
    <message>
        <location filename="../src/app/graph.cpp" line="183"/>
        <source>after %1 turns</source>
        <translation>nach %1 Zügen</translation>
    </message>
    <message>
        <location filename="../src/app/graph.cpp" line="185"/>
        <source>return after 1 turn</source>
        <translation>zurück nach 1 Zug</translation>
    </message>
    <message>
        <location filename="../src/app/graph.cpp" line="186"/>
        <source>return after %1 turns</source>
        <translation>zurück nach %1 Zügen</translation>
    </message>
    <message>
        <location filename="../src/app/graph.cpp" line="191"/>
        <source>label %1</source>
        <translation>Etikett %1</translation>
    </message>
    <message>
        <location filename="../src/app/graph.cpp" line="196"/>
        <source>on signal</source>
        <translation>bei Signal</translation>
    </message>
    <message>
        <location filename="../src/app/graph.cpp" line="197"/>
        <location filename="../src/app/graph.cpp" line="217"/>
        <source>on %1</source>
        <translation>bei %1</translation>
    </message>
    <message>
        <location filename="../src/app/graph.cpp" line="203"/>
        <source>confidence &lt; %1</source>
        <translation>Zuversicht &lt; %1</translation>
    </message>
    <message>
        <location filename="../src/app/graph.cpp" line="205"/>
        <source>on refusal</source>
        <translation>bei Ablehnung</translation>
    </message>
    <message>
        <location filename="../src/app/graph.cpp" line="209"/>
        <source>after answer</source>
        <translation>nach der Antwort</translation>
    </message>
    <message>
        <location filename="../src/app/graph.cpp" line="216"/>
        <source>on failure</source>
        <translation>bei Fehler</translation>
    </message>
</context>
<context>
    <name>GraphCanvas</name>
    <message>
        <location filename="../qml/GraphCanvas.qml" line="142"/>
        <source>Ladder graph</source>
        <translation>Leitergraph</translation>
    </message>
    <message>
        <location filename="../qml/GraphCanvas.qml" line="467"/>
        <source>Move transition source</source>
        <translation>Übergangsquelle verschieben</translation>
    </message>
    <message>
        <location filename="../qml/GraphCanvas.qml" line="468"/>
        <source>Move transition target</source>
        <translation>Übergangsziel verschieben</translation>
    </message>
    <message>
        <location filename="../qml/GraphCanvas.qml" line="544"/>
        <source>Zoom out</source>
        <translation>Verkleinern</translation>
    </message>
    <message>
        <location filename="../qml/GraphCanvas.qml" line="551"/>
        <source>Actual size</source>
        <translation>Originalgröße</translation>
    </message>
    <message>
        <location filename="../qml/GraphCanvas.qml" line="556"/>
        <source>Zoom in</source>
        <translation>Vergrößern</translation>
    </message>
    <message>
        <location filename="../qml/GraphCanvas.qml" line="560"/>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <location filename="../qml/GraphCanvas.qml" line="583"/>
        <source>Add Tier Here</source>
        <translation>Stufe hier hinzufügen</translation>
    </message>
    <message>
        <location filename="../qml/GraphCanvas.qml" line="588"/>
        <source>Add Detector Here</source>
        <translation>Detektor hier hinzufügen</translation>
    </message>
    <message>
        <location filename="../qml/GraphCanvas.qml" line="593"/>
        <source>Add Classifier Here</source>
        <translation>Klassifikator hier hinzufügen</translation>
    </message>
    <message>
        <location filename="../qml/GraphCanvas.qml" line="599"/>
        <source>Paste Here</source>
        <translation>Hier einfügen</translation>
    </message>
    <message>
        <location filename="../qml/GraphCanvas.qml" line="604"/>
        <source>Select All</source>
        <translation>Alles auswählen</translation>
    </message>
    <message>
        <location filename="../qml/GraphCanvas.qml" line="609"/>
        <source>Auto-Layout</source>
        <translation>Automatisch anordnen</translation>
    </message>
    <message>
        <location filename="../qml/GraphCanvas.qml" line="613"/>
        <source>Fit to View</source>
        <translation>In Ansicht einpassen</translation>
    </message>
    <message>
        <location filename="../qml/GraphCanvas.qml" line="624"/>
        <source>Delete Transition</source>
        <translation>Übergang löschen</translation>
    </message>
</context>
<context>
    <name>InsightsView</name>
    <message>
        <location filename="../qml/InsightsView.qml" line="102"/>
        <source>Insights</source>
        <translation>Einblicke</translation>
    </message>
    <message>
        <location filename="../qml/InsightsView.qml" line="110"/>
        <source>Chat session</source>
        <translation>Chat-Sitzung</translation>
    </message>
    <message>
        <location filename="../qml/InsightsView.qml" line="110"/>
        <source>Comparison</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <location filename="../qml/InsightsView.qml" line="116"/>
        <source>Nothing to chart yet.</source>
        <translation>Noch nichts darzustellen.</translation>
    </message>
    <message>
        <location filename="../qml/InsightsView.qml" line="123"/>
        <source>Save as PNG…</source>
        <translation>Als PNG speichern…</translation>
    </message>
    <message>
        <location filename="../qml/InsightsView.qml" line="160"/>
        <source>%1 · turn %2 · $%3</source>
        <translation>%1 · Zug %2 · %3 $</translation>
    </message>
    <message>
        <location filename="../qml/InsightsView.qml" line="170"/>
        <source>Cumulative cost per turn</source>
        <translation>Kumulierte Kosten pro Zug</translation>
    </message>
    <message>
        <location filename="../qml/InsightsView.qml" line="186"/>
        <source>Turn</source>
        <translation>Zug</translation>
    </message>
    <message>
        <location filename="../qml/InsightsView.qml" line="194"/>
        <source>Cost (USD)</source>
        <translation>Kosten (USD)</translation>
    </message>
    <message>
        <location filename="../qml/InsightsView.qml" line="205"/>
        <source>TTFT (ms)</source>
        <translation>TTFT (ms)</translation>
    </message>
    <message>
        <location filename="../qml/InsightsView.qml" line="208"/>
        <source>Total latency (ms)</source>
        <translation>Gesamtlatenz (ms)</translation>
    </message>
    <message>
        <location filename="../qml/InsightsView.qml" line="224"/>
        <source>TTFT median %1 ms</source>
        <translation>TTFT-Median %1 ms</translation>
    </message>
    <message>
        <location filename="../qml/InsightsView.qml" line="226"/>
        <source>Latency median %1 ms</source>
        <translation>Latenz-Median %1 ms</translation>
    </message>
    <message>
        <location filename="../qml/InsightsView.qml" line="231"/>
        <source>Latency distribution</source>
        <translation>Latenzverteilung</translation>
    </message>
    <message>
        <location filename="../qml/InsightsView.qml" line="246"/>
        <source>Milliseconds</source>
        <translation>Millisekunden</translation>
    </message>
    <message>
        <location filename="../qml/InsightsView.qml" line="257"/>
        <location filename="../qml/InsightsView.qml" line="306"/>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <location filename="../qml/InsightsView.qml" line="286"/>
        <source>%1: %2 tokens</source>
        <translation>%1: %2 Tokens</translation>
    </message>
    <message>
        <location filename="../qml/InsightsView.qml" line="291"/>
        <source>Tokens by tier (input + output)</source>
        <translation>Tokens nach Stufe (Eingabe + Ausgabe)</translation>
    </message>
    <message>
        <location filename="../qml/InsightsView.qml" line="317"/>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <location filename="../qml/InsightsView.qml" line="320"/>
        <source>Escalations</source>
        <translation>Eskalationen</translation>
    </message>
    <message>
        <location filename="../qml/InsightsView.qml" line="322"/>
        <source>Fallbacks</source>
        <translation>Ausweichungen</translation>
    </message>
    <message>
        <location filename="../qml/InsightsView.qml" line="324"/>
        <source>Retries</source>
        <translation>Wiederholungen</translation>
    </message>
    <message>
        <location filename="../qml/InsightsView.qml" line="326"/>
        <source>Failed turns</source>
        <translation>Fehlgeschlagene Züge</translation>
    </message>
    <message>
        <location filename="../qml/InsightsView.qml" line="334"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../qml/InsightsView.qml" line="339"/>
        <source>Escalations and fallbacks</source>
        <translation>Eskalationen und Ausweichungen</translation>
    </message>
    <message>
        <location filename="../qml/InsightsView.qml" line="356"/>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <location filename="../qml/InsightsView.qml" line="387"/>
        <source>Save Charts as PNG</source>
        <translation>Diagramme als PNG speichern</translation>
    </message>
    <message>
        <location filename="../qml/InsightsView.qml" line="390"/>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <location filename="../qml/Inspector.qml" line="36"/>
        <source>Tier</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <location filename="../qml/Inspector.qml" line="38"/>
        <source>Transition</source>
        <translation>Übergang</translation>
    </message>
    <message>
        <location filename="../qml/Inspector.qml" line="40"/>
        <source>Detector</source>
        <translation>Detektor</translation>
    </message>
    <message>
        <location filename="../qml/Inspector.qml" line="42"/>
        <source>Memory &amp; history</source>
        <translation>Gedächtnis &amp; Verlauf</translation>
    </message>
    <message>
        <location filename="../qml/Inspector.qml" line="44"/>
        <source>%1 elements selected</source>
        <translation>%1 Elemente ausgewählt</translation>
    </message>
    <message>
        <location filename="../qml/Inspector.qml" line="46"/>
        <source>Ladder</source>
        <translation>Leiter</translation>
    </message>
    <message>
        <location filename="../qml/Inspector.qml" line="143"/>
        <source>Align the selected nodes, duplicate them (Ctrl+D), copy them to another ladder (Ctrl+C) or delete them (Delete).</source>
        <translation>Ausgewählte Knoten ausrichten, duplizieren (Strg+D), in eine andere Leiter kopieren (Strg+C) oder löschen (Entf).</translation>
    </message>
    <message>
        <location filename="../qml/Inspector.qml" line="152"/>
        <source>Left</source>
        <translation>Links</translation>
    </message>
    <message>
        <location filename="../qml/Inspector.qml" line="157"/>
        <source>Centre</source>
        <translation>Mitte</translation>
    </message>
    <message>
        <location filename="../qml/Inspector.qml" line="162"/>
        <source>Right</source>
        <translation>Rechts</translation>
    </message>
    <message>
        <location filename="../qml/Inspector.qml" line="167"/>
        <source>Top</source>
        <translation>Oben</translation>
    </message>
    <message>
        <location filename="../qml/Inspector.qml" line="172"/>
        <source>Middle</source>
        <translation>Mittig</translation>
    </message>
    <message>
        <location filename="../qml/Inspector.qml" line="177"/>
        <source>Bottom</source>
        <translation>Unten</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/Main.qml" line="129"/>
        <source>&amp;New Ladder</source>
        <translation>&amp;Neue Leiter</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="139"/>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen …</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="146"/>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="153"/>
        <source>Save &amp;As…</source>
        <translation>Speichern &amp;unter …</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="163"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="170"/>
        <source>&amp;Undo %1</source>
        <translation>&amp;Rückgängig: %1</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="170"/>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="178"/>
        <source>&amp;Redo %1</source>
        <translation>&amp;Wiederholen: %1</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="178"/>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="191"/>
        <source>Cu&amp;t</source>
        <translation>&amp;Ausschneiden</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="199"/>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="207"/>
        <source>&amp;Paste</source>
        <translation>&amp;Einfügen</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="218"/>
        <source>&amp;Duplicate</source>
        <translation>&amp;Duplizieren</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="226"/>
        <source>De&amp;lete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="234"/>
        <source>Select &amp;All</source>
        <translation>&amp;Alles auswählen</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="242"/>
        <source>Auto-&amp;Layout</source>
        <translation>Automatisch an&amp;ordnen</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="250"/>
        <source>&amp;Fit to View</source>
        <translation>In Ansicht &amp;einpassen</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="258"/>
        <source>Actual &amp;Size</source>
        <translation>&amp;Originalgröße</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="266"/>
        <source>Zoom &amp;In</source>
        <translation>&amp;Vergrößern</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="274"/>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="292"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="300"/>
        <source>New from &amp;Template</source>
        <translation>Neu aus &amp;Vorlage</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="322"/>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="337"/>
        <source>Clear Recent Files</source>
        <translation>Liste leeren</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="354"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="383"/>
        <source>&amp;Align</source>
        <translation>&amp;Ausrichten</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="387"/>
        <source>Left Edges</source>
        <translation>Linke Kanten</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="391"/>
        <source>Horizontal Centres</source>
        <translation>Horizontale Mitten</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="395"/>
        <source>Right Edges</source>
        <translation>Rechte Kanten</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="399"/>
        <source>Top Edges</source>
        <translation>Obere Kanten</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="403"/>
        <source>Vertical Centres</source>
        <translation>Vertikale Mitten</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="407"/>
        <source>Bottom Edges</source>
        <translation>Untere Kanten</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="416"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="432"/>
        <source>Snap to &amp;Grid</source>
        <translation>Am &amp;Raster ausrichten</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="438"/>
        <source>&amp;Dark Theme</source>
        <translation>&amp;Dunkles Design</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="496"/>
        <source>Open Ladder</source>
        <translation>Leiter öffnen</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="497"/>
        <location filename="../qml/Main.qml" line="510"/>
        <source>Ladder files (*.json)</source>
        <translation>Leiterdateien (*.json)</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="497"/>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="507"/>
        <source>Save Ladder As</source>
        <translation>Leiter speichern unter</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="534"/>
        <source>Save changes?</source>
        <translation>Änderungen speichern?</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="554"/>
        <source>“%1” has changes that are not saved. Save them before continuing?</source>
        <translation>„%1“ enthält ungespeicherte Änderungen. Vor dem Fortfahren speichern?</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="565"/>
        <source>Recover unsaved work?</source>
        <translation>Ungespeicherte Arbeit wiederherstellen?</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="582"/>
        <source>Ladder Studio did not close properly last time. An autosaved copy of the ladder you were editing is available.</source>
        <translation>Ladder Studio wurde beim letzten Mal nicht ordnungsgemäß beendet. Eine automatisch gespeicherte Kopie der bearbeiteten Leiter ist verfügbar.</translation>
    </message>
</context>
<context>
    <name>MemoryInspector</name>
    <message>
        <location filename="../qml/MemoryInspector.qml" line="27"/>
        <source>Inject memory</source>
        <translation>Gedächtnis einfügen</translation>
    </message>
    <message>
        <location filename="../qml/MemoryInspector.qml" line="31"/>
        <source>When the tier changes</source>
        <translation>Beim Stufenwechsel</translation>
    </message>
    <message>
        <location filename="../qml/MemoryInspector.qml" line="31"/>
        <source>Every turn</source>
        <translation>In jedem Zug</translation>
    </message>
    <message>
        <location filename="../qml/MemoryInspector.qml" line="31"/>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <location filename="../qml/MemoryInspector.qml" line="37"/>
        <source>Refresh memory</source>
        <translation>Gedächtnis aktualisieren</translation>
    </message>
    <message>
        <location filename="../qml/MemoryInspector.qml" line="41"/>
        <source>Scaffold (strong tiers emit a handoff block)</source>
        <translation>Gerüst (starke Stufen liefern einen Übergabeblock)</translation>
    </message>
    <message>
        <location filename="../qml/MemoryInspector.qml" line="42"/>
        <source>Summarize (a summarising call)</source>
        <translation>Zusammenfassen (ein eigener Aufruf)</translation>
    </message>
    <message>
        <location filename="../qml/MemoryInspector.qml" line="42"/>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <location filename="../qml/MemoryInspector.qml" line="48"/>
        <source>Budget (tokens)</source>
        <translation>Budget (Tokens)</translation>
    </message>
    <message>
        <location filename="../qml/MemoryInspector.qml" line="60"/>
        <source>Fields kept (none checked: all)</source>
        <translation>Behaltene Felder (keins markiert: alle)</translation>
    </message>
    <message>
        <location filename="../qml/MemoryInspector.qml" line="82"/>
        <source>History the next tier sees</source>
        <translation>Verlauf, den die nächste Stufe sieht</translation>
    </message>
    <message>
        <location filename="../qml/MemoryInspector.qml" line="86"/>
        <source>Full history</source>
        <translation>Gesamter Verlauf</translation>
    </message>
    <message>
        <location filename="../qml/MemoryInspector.qml" line="86"/>
        <source>Clean handoff</source>
        <translation>Saubere Übergabe</translation>
    </message>
    <message>
        <location filename="../qml/MemoryInspector.qml" line="86"/>
        <source>Memory + last k turns</source>
        <translation>Gedächtnis + letzte k Züge</translation>
    </message>
    <message>
        <location filename="../qml/MemoryInspector.qml" line="93"/>
        <source>Last k turns</source>
        <translation>Letzte k Züge</translation>
    </message>
</context>
<context>
    <name>MemoryPanel</name>
    <message>
        <location filename="../qml/MemoryPanel.qml" line="57"/>
        <source>Handoff memory</source>
        <translation>Übergabegedächtnis</translation>
    </message>
    <message>
        <location filename="../qml/MemoryPanel.qml" line="64"/>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <location filename="../qml/MemoryPanel.qml" line="69"/>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <location filename="../qml/MemoryPanel.qml" line="77"/>
        <source>Version %1 by %2</source>
        <translation>Version %1 von %2</translation>
    </message>
    <message>
        <location filename="../qml/MemoryPanel.qml" line="78"/>
        <source>Empty: the strong tier writes it at the first handoff.</source>
        <translation>Leer: Die starke Stufe schreibt es bei der ersten Übergabe.</translation>
    </message>
    <message>
        <location filename="../qml/MemoryPanel.qml" line="94"/>
        <source>%1 / %2 tokens</source>
        <translation>%1 / %2 Tokens</translation>
    </message>
    <message>
        <location filename="../qml/MemoryPanel.qml" line="104"/>
        <source>Over budget: the lowest-priority fields are trimmed when injected.</source>
        <translation>Über dem Budget: Felder mit der niedrigsten Priorität werden beim Einfügen gekürzt.</translation>
    </message>
    <message>
        <location filename="../qml/MemoryPanel.qml" line="117"/>
        <source>Fields</source>
        <translation>Felder</translation>
    </message>
    <message>
        <location filename="../qml/MemoryPanel.qml" line="120"/>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <location filename="../qml/MemoryPanel.qml" line="123"/>
        <source>Turn %1</source>
        <translation>Zug %1</translation>
    </message>
    <message>
        <location filename="../qml/MemoryPanel.qml" line="124"/>
        <source>At turn</source>
        <translation>Bei Zug</translation>
    </message>
    <message>
        <location filename="../qml/MemoryPanel.qml" line="170"/>
        <source>changed</source>
        <translation>geändert</translation>
    </message>
    <message>
        <location filename="../qml/MemoryPanel.qml" line="174"/>
        <source>Apply</source>
        <translation>Übernehmen</translation>
    </message>
    <message>
        <location filename="../qml/MemoryPanel.qml" line="186"/>
        <source>One item per line</source>
        <translation>Ein Eintrag pro Zeile</translation>
    </message>
    <message>
        <location filename="../qml/MemoryPanel.qml" line="230"/>
        <source>v%1 · after turn %2 · %3</source>
        <translation>v%1 · nach Zug %2 · %3</translation>
    </message>
    <message>
        <location filename="../qml/MemoryPanel.qml" line="247"/>
        <source>Diff</source>
        <translation>Diff</translation>
    </message>
    <message>
        <location filename="../qml/MemoryPanel.qml" line="253"/>
        <location filename="../qml/MemoryPanel.qml" line="267"/>
        <source>empty</source>
        <translation>leer</translation>
    </message>
    <message>
        <location filename="../qml/MemoryPanel.qml" line="292"/>
        <source>No differences.</source>
        <translation>Keine Unterschiede.</translation>
    </message>
    <message>
        <location filename="../qml/MemoryPanel.qml" line="360"/>
        <source>Click a turn in the timeline to see the memory as it was then.</source>
        <translation>Klicken Sie auf einen Zug in der Zeitleiste, um das Gedächtnis zu diesem Zeitpunkt zu sehen.</translation>
    </message>
    <message>
        <location filename="../qml/MemoryPanel.qml" line="368"/>
        <source>Injected at turn %1</source>
        <translation>Eingefügt bei Zug %1</translation>
    </message>
    <message>
        <location filename="../qml/MemoryPanel.qml" line="392"/>
        <source>Nothing was injected on this turn.</source>
        <translation>In diesem Zug wurde nichts eingefügt.</translation>
    </message>
    <message>
        <location filename="../qml/MemoryPanel.qml" line="401"/>
        <source>Memory after turn %1 (v%2)</source>
        <translation>Gedächtnis nach Zug %1 (v%2)</translation>
    </message>
</context>
<context>
    <name>NavRail</name>
    <message>
        <location filename="../qml/NavRail.qml" line="25"/>
        <source>Design</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <location filename="../qml/NavRail.qml" line="26"/>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <location filename="../qml/NavRail.qml" line="27"/>
        <source>Compare</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <location filename="../qml/NavRail.qml" line="28"/>
        <source>Insights</source>
        <translation>Einblicke</translation>
    </message>
    <message>
        <location filename="../qml/NavRail.qml" line="29"/>
        <source>Audit</source>
        <translation>Audit</translation>
    </message>
    <message>
        <location filename="../qml/NavRail.qml" line="52"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
</context>
<context>
    <name>NodeDelegate</name>
    <message>
        <location filename="../qml/NodeDelegate.qml" line="271"/>
        <source>Drag to a tier to add a transition</source>
        <translation>Auf eine Stufe ziehen, um einen Übergang anzulegen</translation>
    </message>
</context>
<context>
    <name>NodePalette</name>
    <message>
        <location filename="../qml/NodePalette.qml" line="23"/>
        <source>Add nodes</source>
        <translation>Knoten hinzufügen</translation>
    </message>
    <message>
        <location filename="../qml/NodePalette.qml" line="32"/>
        <source>Tier</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <location filename="../qml/NodePalette.qml" line="32"/>
        <source>A model slot</source>
        <translation>Ein Modellplatz</translation>
    </message>
    <message>
        <location filename="../qml/NodePalette.qml" line="33"/>
        <source>Detector</source>
        <translation>Detektor</translation>
    </message>
    <message>
        <location filename="../qml/NodePalette.qml" line="34"/>
        <source>Patterns raising a signal</source>
        <translation>Muster lösen ein Signal aus</translation>
    </message>
    <message>
        <location filename="../qml/NodePalette.qml" line="35"/>
        <source>Classifier</source>
        <translation>Klassifikator</translation>
    </message>
    <message>
        <location filename="../qml/NodePalette.qml" line="36"/>
        <source>Routes by task type</source>
        <translation>Leitet nach Aufgabentyp</translation>
    </message>
    <message>
        <location filename="../qml/NodePalette.qml" line="149"/>
        <source>Drag onto the canvas, or click to add in the middle. Drag from a node&apos;s right port to a tier to connect.</source>
        <translation>Auf die Arbeitsfläche ziehen oder klicken, um in der Mitte hinzuzufügen. Vom rechten Anschluss eines Knotens auf eine Stufe ziehen, um zu verbinden.</translation>
    </message>
    <message>
        <location filename="../qml/NodePalette.qml" line="159"/>
        <source>Legend</source>
        <translation>Legende</translation>
    </message>
    <message>
        <location filename="../qml/NodePalette.qml" line="167"/>
        <source>Step after turns</source>
        <translation>Schritt nach Zügen</translation>
    </message>
    <message>
        <location filename="../qml/NodePalette.qml" line="168"/>
        <source>Escalate on signal</source>
        <translation>Eskalation bei Signal</translation>
    </message>
    <message>
        <location filename="../qml/NodePalette.qml" line="169"/>
        <source>Re-answer after reply</source>
        <translation>Neu beantworten nach Antwort</translation>
    </message>
    <message>
        <location filename="../qml/NodePalette.qml" line="170"/>
        <source>Return</source>
        <translation>Rückkehr</translation>
    </message>
    <message>
        <location filename="../qml/NodePalette.qml" line="171"/>
        <source>On failure (fallback)</source>
        <translation>Bei Fehler (Ausweichen)</translation>
    </message>
</context>
<context>
    <name>ProblemsPanel</name>
    <message>
        <location filename="../qml/ProblemsPanel.qml" line="32"/>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <location filename="../qml/ProblemsPanel.qml" line="46"/>
        <source>✓ No problems: the ladder is valid</source>
        <translation>✓ Keine Probleme: Die Leiter ist gültig</translation>
    </message>
</context>
<context>
    <name>ProviderCheckRow</name>
    <message>
        <location filename="../qml/ProviderCheckRow.qml" line="48"/>
        <source>not checked</source>
        <translation>nicht geprüft</translation>
    </message>
    <message>
        <location filename="../qml/ProviderCheckRow.qml" line="48"/>
        <source>checking…</source>
        <translation>wird geprüft…</translation>
    </message>
    <message>
        <location filename="../qml/ProviderCheckRow.qml" line="49"/>
        <source>TTFT %1</source>
        <translation>TTFT %1</translation>
    </message>
    <message>
        <location filename="../qml/ProviderCheckRow.qml" line="61"/>
        <source>Check %1</source>
        <translation>%1 prüfen</translation>
    </message>
    <message>
        <location filename="../qml/ProviderCheckRow.qml" line="63"/>
        <source>Check this model</source>
        <translation>Dieses Modell prüfen</translation>
    </message>
</context>
<context>
    <name>ProviderEntry</name>
    <message>
        <location filename="../qml/ProviderEntry.qml" line="53"/>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <location filename="../qml/ProviderEntry.qml" line="71"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../qml/ProviderEntry.qml" line="86"/>
        <source>0: off</source>
        <translation>0: aus</translation>
    </message>
    <message>
        <location filename="../qml/ProviderEntry.qml" line="111"/>
        <source>provider id</source>
        <translation>Anbieter-ID</translation>
    </message>
    <message>
        <location filename="../qml/ProviderEntry.qml" line="112"/>
        <source>Provider id</source>
        <translation>Anbieter-ID</translation>
    </message>
    <message>
        <location filename="../qml/ProviderEntry.qml" line="121"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../qml/ProviderEntry.qml" line="128"/>
        <source>Check</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <location filename="../qml/ProviderEntry.qml" line="134"/>
        <source>Remove provider %1</source>
        <translation>Anbieter %1 entfernen</translation>
    </message>
    <message>
        <location filename="../qml/ProviderEntry.qml" line="136"/>
        <source>Remove this provider</source>
        <translation>Diesen Anbieter entfernen</translation>
    </message>
    <message>
        <location filename="../qml/ProviderEntry.qml" line="149"/>
        <location filename="../qml/ProviderEntry.qml" line="157"/>
        <source>Base URL</source>
        <translation>Basis-URL</translation>
    </message>
    <message>
        <location filename="../qml/ProviderEntry.qml" line="156"/>
        <source>not needed</source>
        <translation>nicht nötig</translation>
    </message>
    <message>
        <location filename="../qml/ProviderEntry.qml" line="162"/>
        <location filename="../qml/ProviderEntry.qml" line="169"/>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <location filename="../qml/ProviderEntry.qml" line="168"/>
        <source>model-a, model-b</source>
        <translation>modell-a, modell-b</translation>
    </message>
    <message>
        <location filename="../qml/ProviderEntry.qml" line="175"/>
        <source>Key variable</source>
        <translation>Schlüsselvariable</translation>
    </message>
    <message>
        <location filename="../qml/ProviderEntry.qml" line="187"/>
        <location filename="../qml/ProviderEntry.qml" line="213"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location filename="../qml/ProviderEntry.qml" line="188"/>
        <source>Key environment variable</source>
        <translation>Umgebungsvariable des Schlüssels</translation>
    </message>
    <message>
        <location filename="../qml/ProviderEntry.qml" line="202"/>
        <location filename="../qml/ProviderEntry.qml" line="214"/>
        <source>Keychain item</source>
        <translation>Schlüsselbund-Eintrag</translation>
    </message>
    <message>
        <location filename="../qml/ProviderEntry.qml" line="224"/>
        <source>paste a key to store</source>
        <translation>Schlüssel zum Speichern einfügen</translation>
    </message>
    <message>
        <location filename="../qml/ProviderEntry.qml" line="225"/>
        <source>API key for the keychain</source>
        <translation>API-Schlüssel für den Schlüsselbund</translation>
    </message>
    <message>
        <location filename="../qml/ProviderEntry.qml" line="232"/>
        <source>Store</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location filename="../qml/ProviderEntry.qml" line="243"/>
        <source>Timeouts</source>
        <translation>Zeitlimits</translation>
    </message>
    <message>
        <location filename="../qml/ProviderEntry.qml" line="253"/>
        <source>connect</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <location filename="../qml/ProviderEntry.qml" line="254"/>
        <source>Connect timeout</source>
        <translation>Zeitlimit Verbindung</translation>
    </message>
    <message>
        <location filename="../qml/ProviderEntry.qml" line="255"/>
        <source>Until the request is sent</source>
        <translation>Bis die Anfrage gesendet ist</translation>
    </message>
    <message>
        <location filename="../qml/ProviderEntry.qml" line="260"/>
        <source>first token</source>
        <translation>erstes Token</translation>
    </message>
    <message>
        <location filename="../qml/ProviderEntry.qml" line="261"/>
        <source>First-token timeout</source>
        <translation>Zeitlimit erstes Token</translation>
    </message>
    <message>
        <location filename="../qml/ProviderEntry.qml" line="262"/>
        <source>From the sent request to the first text or tool call</source>
        <translation>Von der gesendeten Anfrage bis zum ersten Text oder Tool-Aufruf</translation>
    </message>
    <message>
        <location filename="../qml/ProviderEntry.qml" line="267"/>
        <source>idle</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location filename="../qml/ProviderEntry.qml" line="268"/>
        <source>Idle timeout</source>
        <translation>Zeitlimit Pause</translation>
    </message>
    <message>
        <location filename="../qml/ProviderEntry.qml" line="269"/>
        <source>Longest silence while the answer streams</source>
        <translation>Längste Stille, während die Antwort eintrifft</translation>
    </message>
</context>
<context>
    <name>ProvidersSettings</name>
    <message>
        <location filename="../qml/ProvidersSettings.qml" line="13"/>
        <source>Providers</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <location filename="../qml/ProvidersSettings.qml" line="30"/>
        <source>Simulated (embedded default)</source>
        <translation>Simuliert (eingebauter Standard)</translation>
    </message>
    <message>
        <location filename="../qml/ProvidersSettings.qml" line="37"/>
        <source>unsaved changes</source>
        <translation>ungespeicherte Änderungen</translation>
    </message>
    <message>
        <location filename="../qml/ProvidersSettings.qml" line="48"/>
        <source>No keys, no network: the simulated provider answers every provider a ladder names. Open or create a providers file to use real models.</source>
        <translation>Keine Schlüssel, kein Netzwerk: Der simulierte Anbieter antwortet für jeden Anbieter, den eine Leiter nennt. Öffnen oder erstellen Sie eine Anbieterdatei, um echte Modelle zu verwenden.</translation>
    </message>
    <message>
        <location filename="../qml/ProvidersSettings.qml" line="50"/>
        <source>%1 · new chats and comparisons use it. Keys come from the environment variable or the keychain item an entry names; they are never written to this file.</source>
        <translation>%1 · neue Chats und Vergleiche verwenden sie. Schlüssel kommen aus der Umgebungsvariable oder dem Schlüsselbund-Eintrag, den ein Eintrag nennt; sie werden nie in diese Datei geschrieben.</translation>
    </message>
    <message>
        <location filename="../qml/ProvidersSettings.qml" line="60"/>
        <source>Open…</source>
        <translation>Öffnen…</translation>
    </message>
    <message>
        <location filename="../qml/ProvidersSettings.qml" line="64"/>
        <source>New…</source>
        <translation>Neu…</translation>
    </message>
    <message>
        <location filename="../qml/ProvidersSettings.qml" line="68"/>
        <source>Use Simulated</source>
        <translation>Simuliert verwenden</translation>
    </message>
    <message>
        <location filename="../qml/ProvidersSettings.qml" line="74"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location filename="../qml/ProvidersSettings.qml" line="81"/>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <location filename="../qml/ProvidersSettings.qml" line="87"/>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <location filename="../qml/ProvidersSettings.qml" line="127"/>
        <source>Add provider:</source>
        <translation>Anbieter hinzufügen:</translation>
    </message>
    <message>
        <location filename="../qml/ProvidersSettings.qml" line="147"/>
        <source>Open Providers File</source>
        <translation>Anbieterdatei öffnen</translation>
    </message>
    <message>
        <location filename="../qml/ProvidersSettings.qml" line="148"/>
        <location filename="../qml/ProvidersSettings.qml" line="159"/>
        <source>Provider files (*.json)</source>
        <translation>Anbieterdateien (*.json)</translation>
    </message>
    <message>
        <location filename="../qml/ProvidersSettings.qml" line="148"/>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../qml/ProvidersSettings.qml" line="156"/>
        <source>New Providers File</source>
        <translation>Neue Anbieterdatei</translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <location filename="../qml/SettingsView.qml" line="26"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="33"/>
        <source>Appearance</source>
        <translation>Erscheinungsbild</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="42"/>
        <source>Theme</source>
        <translation>Design</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="50"/>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="50"/>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="50"/>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="55"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="76"/>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="86"/>
        <source>Unsaved changes are autosaved every 30 seconds to %1 and offered for recovery on the next start.</source>
        <translation>Ungespeicherte Änderungen werden alle 30 Sekunden nach %1 gesichert und beim nächsten Start zur Wiederherstellung angeboten.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="91"/>
        <source>Clear Recent Files (%1)</source>
        <translation>Zuletzt geöffnete Dateien leeren (%1)</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="100"/>
        <source>Ladder Studio %1 · Qt %2</source>
        <translation>Ladder Studio %1 · Qt %2</translation>
    </message>
</context>
<context>
    <name>TierInspector</name>
    <message>
        <location filename="../qml/TierInspector.qml" line="29"/>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../qml/TierInspector.qml" line="39"/>
        <source>Label</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <location filename="../qml/TierInspector.qml" line="49"/>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <location filename="../qml/TierInspector.qml" line="59"/>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location filename="../qml/TierInspector.qml" line="76"/>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <location filename="../qml/TierInspector.qml" line="94"/>
        <source>Temperature</source>
        <translation>Temperatur</translation>
    </message>
    <message>
        <location filename="../qml/TierInspector.qml" line="98"/>
        <location filename="../qml/TierInspector.qml" line="117"/>
        <source>default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <location filename="../qml/TierInspector.qml" line="113"/>
        <source>Max tokens</source>
        <translation>Max. Tokens</translation>
    </message>
    <message>
        <location filename="../qml/TierInspector.qml" line="129"/>
        <source>System prompt</source>
        <translation>Systemprompt</translation>
    </message>
    <message>
        <location filename="../qml/TierInspector.qml" line="140"/>
        <source>Instructions for this tier</source>
        <translation>Anweisungen für diese Stufe</translation>
    </message>
    <message>
        <location filename="../qml/TierInspector.qml" line="145"/>
        <source>Fallback chain (tried in order when the model fails)</source>
        <translation>Ausweichkette (der Reihe nach versucht, wenn das Modell ausfällt)</translation>
    </message>
    <message>
        <location filename="../qml/TierInspector.qml" line="174"/>
        <source>Move up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <location filename="../qml/TierInspector.qml" line="181"/>
        <source>Move down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <location filename="../qml/TierInspector.qml" line="187"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../qml/TierInspector.qml" line="194"/>
        <source>Add fallback model</source>
        <translation>Ausweichmodell hinzufügen</translation>
    </message>
    <message>
        <location filename="../qml/TierInspector.qml" line="201"/>
        <source>Offer the escalate(reason, question) tool</source>
        <translation>Werkzeug escalate(reason, question) anbieten</translation>
    </message>
    <message>
        <location filename="../qml/TierInspector.qml" line="207"/>
        <source>Colour (shared with the chat timeline)</source>
        <translation>Farbe (auch in der Chat-Zeitleiste)</translation>
    </message>
    <message>
        <location filename="../qml/TierInspector.qml" line="245"/>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <location filename="../qml/TierInspector.qml" line="256"/>
        <source>Make this the entry tier</source>
        <translation>Zur Einstiegsstufe machen</translation>
    </message>
</context>
<context>
    <name>TierNode</name>
    <message>
        <location filename="../qml/TierNode.qml" line="87"/>
        <source>%1 in · %2 out per Mtok</source>
        <translation>%1 ein · %2 aus pro Mio. Tokens</translation>
    </message>
    <message>
        <location filename="../qml/TierNode.qml" line="100"/>
        <source>⤴ tool</source>
        <translation>⤴ Tool</translation>
    </message>
</context>
<context>
    <name>TierTimeline</name>
    <message>
        <location filename="../qml/TierTimeline.qml" line="35"/>
        <source>The tier timeline fills as turns are answered.</source>
        <translation>Die Stufen-Zeitleiste füllt sich, während Züge beantwortet werden.</translation>
    </message>
    <message>
        <location filename="../qml/TierTimeline.qml" line="82"/>
        <source>cost / turn</source>
        <translation>Kosten / Zug</translation>
    </message>
    <message>
        <location filename="../qml/TierTimeline.qml" line="224"/>
        <source>Turn %1 · $%2</source>
        <translation>Runde %1 · $%2</translation>
    </message>
    <message>
        <location filename="../qml/TierTimeline.qml" line="226"/>
        <source>Turn %1 · %2 · %3 · $%4</source>
        <translation>Zug %1 · %2 · %3 · %4 $</translation>
    </message>
</context>
<context>
    <name>TransitionInspector</name>
    <message>
        <location filename="../qml/TransitionInspector.qml" line="15"/>
        <source>After N turns (step down)</source>
        <translation>Nach N Zügen (abstufen)</translation>
    </message>
    <message>
        <location filename="../qml/TransitionInspector.qml" line="16"/>
        <source>On a signal before the turn</source>
        <translation>Bei einem Signal vor dem Zug</translation>
    </message>
    <message>
        <location filename="../qml/TransitionInspector.qml" line="16"/>
        <source>After the answer (re-answer)</source>
        <translation>Nach der Antwort (neu beantworten)</translation>
    </message>
    <message>
        <location filename="../qml/TransitionInspector.qml" line="17"/>
        <source>Return after N turns</source>
        <translation>Rückkehr nach N Zügen</translation>
    </message>
    <message>
        <location filename="../qml/TransitionInspector.qml" line="17"/>
        <source>On provider failure</source>
        <translation>Bei Anbieterfehler</translation>
    </message>
    <message>
        <location filename="../qml/TransitionInspector.qml" line="43"/>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <location filename="../qml/TransitionInspector.qml" line="49"/>
        <source>any tier (*)</source>
        <translation>jede Stufe (*)</translation>
    </message>
    <message>
        <location filename="../qml/TransitionInspector.qml" line="58"/>
        <source>To</source>
        <translation>Nach</translation>
    </message>
    <message>
        <location filename="../qml/TransitionInspector.qml" line="64"/>
        <source>where it came from</source>
        <translation>dorthin, woher sie kam</translation>
    </message>
    <message>
        <location filename="../qml/TransitionInspector.qml" line="76"/>
        <source>Condition</source>
        <translation>Bedingung</translation>
    </message>
    <message>
        <location filename="../qml/TransitionInspector.qml" line="88"/>
        <source>Turns</source>
        <translation>Züge</translation>
    </message>
    <message>
        <location filename="../qml/TransitionInspector.qml" line="102"/>
        <source>Signals (any of)</source>
        <translation>Signale (eines davon)</translation>
    </message>
    <message>
        <location filename="../qml/TransitionInspector.qml" line="126"/>
        <source>Classification labels (comma separated)</source>
        <translation>Klassifizierungsetiketten (durch Kommas getrennt)</translation>
    </message>
    <message>
        <location filename="../qml/TransitionInspector.qml" line="132"/>
        <source>e.g. code, math</source>
        <translation>z. B. code, math</translation>
    </message>
    <message>
        <location filename="../qml/TransitionInspector.qml" line="138"/>
        <source>Low confidence below</source>
        <translation>Geringe Zuversicht unter</translation>
    </message>
    <message>
        <location filename="../qml/TransitionInspector.qml" line="154"/>
        <source>Errors (any of)</source>
        <translation>Fehler (einer davon)</translation>
    </message>
    <message>
        <location filename="../qml/TransitionInspector.qml" line="177"/>
        <source>Delete transition</source>
        <translation>Übergang löschen</translation>
    </message>
</context>
<context>
    <name>ladder::AuditCallModel</name>
    <message>
        <location filename="../src/app/auditcallmodel.cpp" line="169"/>
        <source>The audit store is not open</source>
        <translation>Der Audit-Speicher ist nicht geöffnet</translation>
    </message>
    <message>
        <location filename="../src/app/auditcallmodel.cpp" line="173"/>
        <source>Call %1 is not in the store. %2</source>
        <translation>Aufruf %1 ist nicht gespeichert. %2</translation>
    </message>
    <message>
        <location filename="../src/app/auditcallmodel.cpp" line="190"/>
        <source>No session to export</source>
        <translation>Keine Sitzung zum Exportieren</translation>
    </message>
    <message>
        <location filename="../src/app/auditcallmodel.cpp" line="195"/>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location filename="../src/app/auditcallmodel.cpp" line="202"/>
        <location filename="../src/app/auditcallmodel.cpp" line="212"/>
        <source>Cannot export to %1: %2</source>
        <translation>Export nach %1 nicht möglich: %2</translation>
    </message>
</context>
<context>
    <name>ladder::ChatSessionModel</name>
    <message>
        <location filename="../src/app/chatsessionmodel.cpp" line="197"/>
        <source>Fault schedule: %1</source>
        <translation>Fehlerplan: %1</translation>
    </message>
    <message>
        <location filename="../src/app/chatsessionmodel.cpp" line="261"/>
        <source>The session did not accept the turn</source>
        <translation>Die Sitzung hat den Zug nicht angenommen</translation>
    </message>
    <message>
        <location filename="../src/app/chatsessionmodel.cpp" line="508"/>
        <source>↳ escalated to %1: %2</source>
        <translation>↳ eskaliert an %1: %2</translation>
    </message>
    <message>
        <location filename="../src/app/chatsessionmodel.cpp" line="512"/>
        <source>Tool call: escalate(reason: &quot;%1&quot;, question: &quot;%2&quot;)</source>
        <translation>Werkzeugaufruf: escalate(reason: &quot;%1&quot;, question: &quot;%2&quot;)</translation>
    </message>
    <message>
        <location filename="../src/app/chatsessionmodel.cpp" line="515"/>
        <source>Question: %1</source>
        <translation>Frage: %1</translation>
    </message>
    <message>
        <location filename="../src/app/chatsessionmodel.cpp" line="516"/>
        <source>Discarded answer from %1:</source>
        <translation>Verworfene Antwort von %1:</translation>
    </message>
    <message>
        <location filename="../src/app/chatsessionmodel.cpp" line="519"/>
        <source>Signal before the turn: %1</source>
        <translation>Signal vor dem Zug: %1</translation>
    </message>
    <message>
        <location filename="../src/app/chatsessionmodel.cpp" line="542"/>
        <source>handoff %1 → %2 · memory v%3 injected (%4 tokens)</source>
        <translation>Übergabe %1 → %2 · Gedächtnis v%3 eingefügt (%4 Tokens)</translation>
    </message>
    <message>
        <location filename="../src/app/chatsessionmodel.cpp" line="546"/>
        <source>handoff %1 → %2 · no memory injected</source>
        <translation>Übergabe %1 → %2 · kein Gedächtnis eingefügt</translation>
    </message>
    <message>
        <location filename="../src/app/chatsessionmodel.cpp" line="566"/>
        <source>%1 on %2, retry %3 after %4 ms</source>
        <translation>%1 bei %2, Wiederholung %3 nach %4 ms</translation>
    </message>
    <message>
        <location filename="../src/app/chatsessionmodel.cpp" line="578"/>
        <source>%1 on %2, falling back to tier %3 (%4)</source>
        <translation>%1 bei %2, Ausweichen auf Stufe %3 (%4)</translation>
    </message>
    <message>
        <location filename="../src/app/chatsessionmodel.cpp" line="582"/>
        <source>%1 on %2, falling back to %3</source>
        <translation>%1 bei %2, Ausweichen auf %3</translation>
    </message>
    <message>
        <location filename="../src/app/chatsessionmodel.cpp" line="634"/>
        <source>Stopped</source>
        <translation>Gestoppt</translation>
    </message>
    <message>
        <location filename="../src/app/chatsessionmodel.cpp" line="634"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../src/app/chatsessionmodel.cpp" line="667"/>
        <source>%1 on %2, answered by %3</source>
        <translation>%1 bei %2, beantwortet von %3</translation>
    </message>
    <message>
        <location filename="../src/app/chatsessionmodel.cpp" line="668"/>
        <source>%1 on %2, answered by %3 on tier %4</source>
        <translation>%1 bei %2, beantwortet von %3 auf Stufe %4</translation>
    </message>
    <message>
        <location filename="../src/app/chatsessionmodel.cpp" line="700"/>
        <source>Session %1 is not in the store: %2</source>
        <translation>Sitzung %1 ist nicht gespeichert: %2</translation>
    </message>
    <message>
        <location filename="../src/app/chatsessionmodel.cpp" line="112"/>
        <source>the start of this chat</source>
        <translation>der Beginn dieses Chats</translation>
    </message>
    <message>
        <location filename="../src/app/chatsessionmodel.cpp" line="113"/>
        <source>turns %1 of this chat</source>
        <translation>die Züge %1 dieses Chats</translation>
    </message>
    <message>
        <location filename="../src/app/chatsessionmodel.cpp" line="114"/>
        <source>Not recorded in the session store: %1 (%2). The chat goes on, but its record is incomplete.</source>
        <translation>Nicht im Sitzungsspeicher festgehalten: %1 (%2). Der Chat läuft weiter, aber seine Aufzeichnung ist unvollständig.</translation>
    </message>
    <message>
        <location filename="../src/app/chatsessionmodel.cpp" line="817"/>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <location filename="../src/app/chatsessionmodel.cpp" line="818"/>
        <source>Ladder: %1 · session %2</source>
        <translation>Leiter: %1 · Sitzung %2</translation>
    </message>
    <message>
        <location filename="../src/app/chatsessionmodel.cpp" line="821"/>
        <source>User (turn %1)</source>
        <translation>Benutzer (Zug %1)</translation>
    </message>
    <message>
        <location filename="../src/app/chatsessionmodel.cpp" line="829"/>
        <source>%1 in / %2 out tokens · $%3 · TTFT %4 ms · %5 ms</source>
        <translation>%1 Eingabe- / %2 Ausgabe-Tokens · %3 $ · TTFT %4 ms · %5 ms</translation>
    </message>
    <message>
        <location filename="../src/app/chatsessionmodel.cpp" line="897"/>
        <location filename="../src/app/chatsessionmodel.cpp" line="902"/>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>ladder::CompareModel</name>
    <message>
        <location filename="../src/app/comparemodel.cpp" line="118"/>
        <source>always %1</source>
        <translation>immer %1</translation>
    </message>
    <message>
        <location filename="../src/app/comparemodel.cpp" line="119"/>
        <source>Single-model baseline: every turn on %1.</source>
        <translation>Basislinie mit einem Modell: jeder Zug auf %1.</translation>
    </message>
    <message>
        <location filename="../src/app/comparemodel.cpp" line="202"/>
        <source>%1, memory as edited</source>
        <translation>%1, Gedächtnis wie bearbeitet</translation>
    </message>
    <message>
        <location filename="../src/app/comparemodel.cpp" line="216"/>
        <source>%1, as it ran</source>
        <translation>%1, wie gelaufen</translation>
    </message>
    <message>
        <location filename="../src/app/comparemodel.cpp" line="285"/>
        <source>Ladder %1</source>
        <translation>Leiter %1</translation>
    </message>
</context>
<context>
    <name>ladder::Formatter</name>
    <message>
        <location filename="../src/app/common/formatter.cpp" line="20"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../src/app/common/formatter.cpp" line="21"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
</context>
<context>
    <name>ladder::LadderDocument</name>
    <message>
        <location filename="../src/app/ladderdocument.cpp" line="44"/>
        <source>Untitled</source>
        <translation>Unbenannt</translation>
    </message>
    <message>
        <location filename="../src/app/ladderdocument_files.cpp" line="71"/>
        <source>New ladder</source>
        <translation>Neue Leiter</translation>
    </message>
    <message>
        <location filename="../src/app/ladderdocument_files.cpp" line="74"/>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <location filename="../src/app/ladderdocument_files.cpp" line="104"/>
        <location filename="../src/app/ladderdocument_files.cpp" line="211"/>
        <source>Cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <location filename="../src/app/ladderdocument_files.cpp" line="124"/>
        <source>Cannot read %1:
%2</source>
        <translation>%1 kann nicht gelesen werden:
%2</translation>
    </message>
    <message>
        <location filename="../src/app/ladderdocument_files.cpp" line="125"/>
        <location filename="../src/app/ladderdocument_files.cpp" line="131"/>
        <source>the document</source>
        <translation>das Dokument</translation>
    </message>
    <message>
        <location filename="../src/app/ladderdocument_files.cpp" line="130"/>
        <source>Cannot read %1: not a ladder document</source>
        <translation>%1 kann nicht gelesen werden: kein Leiterdokument</translation>
    </message>
    <message>
        <location filename="../src/app/ladderdocument_files.cpp" line="148"/>
        <source>The document has no file yet: use Save As</source>
        <translation>Das Dokument hat noch keine Datei: Verwenden Sie „Speichern unter“</translation>
    </message>
    <message>
        <location filename="../src/app/ladderdocument_files.cpp" line="161"/>
        <source>Cannot save %1: the document could not be serialised</source>
        <translation>%1 kann nicht gespeichert werden: Das Dokument konnte nicht serialisiert werden</translation>
    </message>
    <message>
        <location filename="../src/app/ladderdocument_files.cpp" line="166"/>
        <source>Cannot save %1: %2</source>
        <translation>%1 kann nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <location filename="../src/app/ladderdocument_files.cpp" line="216"/>
        <source>Cannot recover %1: %2</source>
        <translation>%1 kann nicht wiederhergestellt werden: %2</translation>
    </message>
    <message>
        <location filename="../src/app/ladderdocument_items.cpp" line="54"/>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../src/app/ladderdocument_items.cpp" line="58"/>
        <source>Any tier</source>
        <translation>Jede Stufe</translation>
    </message>
    <message>
        <location filename="../src/app/ladderdocument_items.cpp" line="74"/>
        <source>fallback: %1</source>
        <translation>Ausweichen: %1</translation>
    </message>
    <message>
        <location filename="../src/app/ladderdocument_items.cpp" line="84"/>
        <source>lexicon → %1</source>
        <translation>Lexikon → %1</translation>
    </message>
    <message>
        <location filename="../src/app/ladderdocument_items.cpp" line="86"/>
        <source>1 pattern</source>
        <translation>1 Muster</translation>
    </message>
    <message>
        <location filename="../src/app/ladderdocument_items.cpp" line="86"/>
        <source>%1 patterns</source>
        <translation>%1 Muster</translation>
    </message>
    <message>
        <location filename="../src/app/ladderdocument_items.cpp" line="89"/>
        <source>classifier → 1 label</source>
        <translation>Klassifikator → 1 Etikett</translation>
    </message>
    <message>
        <location filename="../src/app/ladderdocument_items.cpp" line="90"/>
        <source>classifier → %1 labels</source>
        <translation>Klassifikator → %1 Etiketten</translation>
    </message>
    <message>
        <location filename="../src/app/ladderdocument_items.cpp" line="99"/>
        <source>Memory &amp; history</source>
        <translation>Gedächtnis &amp; Verlauf</translation>
    </message>
    <message>
        <location filename="../src/app/ladderdocument_edits.cpp" line="67"/>
        <source>New tier</source>
        <translation>Neue Stufe</translation>
    </message>
    <message>
        <location filename="../src/app/ladderdocument_edits.cpp" line="97"/>
        <source>Cannot add a node of kind &quot;%1&quot;</source>
        <translation>Ein Knoten der Art „%1“ kann nicht hinzugefügt werden</translation>
    </message>
    <message>
        <location filename="../src/app/ladderdocument_edits.cpp" line="100"/>
        <source>Add %1</source>
        <translation>%1 hinzufügen</translation>
    </message>
    <message>
        <location filename="../src/app/ladderdocument_edits.cpp" line="133"/>
        <source>Delete selection</source>
        <translation>Auswahl löschen</translation>
    </message>
    <message>
        <location filename="../src/app/ladderdocument_edits.cpp" line="172"/>
        <source>Move</source>
        <translation>Verschieben</translation>
    </message>
    <message>
        <location filename="../src/app/ladderdocument_edits.cpp" line="192"/>
        <source>Set entry tier</source>
        <translation>Einstiegsstufe festlegen</translation>
    </message>
    <message>
        <location filename="../src/app/ladderdocument_edits.cpp" line="211"/>
        <source>Connect %1 → %2</source>
        <translation>%1 → %2 verbinden</translation>
    </message>
    <message>
        <location filename="../src/app/ladderdocument_edits.cpp" line="230"/>
        <source>Reconnect transition</source>
        <translation>Übergang neu verbinden</translation>
    </message>
    <message>
        <location filename="../src/app/ladderdocument_edits.cpp" line="241"/>
        <source>Delete transition</source>
        <translation>Übergang löschen</translation>
    </message>
    <message>
        <location filename="../src/app/ladderdocument_fields.cpp" line="298"/>
        <source>Edit %1</source>
        <translation>%1 bearbeiten</translation>
    </message>
    <message>
        <location filename="../src/app/ladderdocument_edits.cpp" line="266"/>
        <source>Add fallback</source>
        <translation>Ausweichmodell hinzufügen</translation>
    </message>
    <message>
        <location filename="../src/app/ladderdocument_edits.cpp" line="276"/>
        <source>Remove fallback</source>
        <translation>Ausweichmodell entfernen</translation>
    </message>
    <message>
        <location filename="../src/app/ladderdocument_edits.cpp" line="289"/>
        <source>Reorder fallback</source>
        <translation>Ausweichkette umordnen</translation>
    </message>
    <message>
        <location filename="../src/app/ladderdocument_edits.cpp" line="304"/>
        <source>Edit fallback</source>
        <translation>Ausweichmodell bearbeiten</translation>
    </message>
    <message>
        <location filename="../src/app/ladderdocument_inspector.cpp" line="85"/>
        <source>no list price</source>
        <translation>kein Listenpreis</translation>
    </message>
    <message>
        <location filename="../src/app/ladderdocument_inspector.cpp" line="86"/>
        <source>$%1 in · $%2 out per 1M tokens</source>
        <translation>$%1 ein · $%2 aus pro 1 Mio. Tokens</translation>
    </message>
    <message>
        <location filename="../src/app/ladderdocument_selection.cpp" line="176"/>
        <location filename="../src/app/ladderdocument_selection.cpp" line="185"/>
        <source>The clipboard does not hold ladder nodes</source>
        <translation>Die Zwischenablage enthält keine Leiterknoten</translation>
    </message>
    <message>
        <location filename="../src/app/ladderdocument_selection.cpp" line="182"/>
        <source>clipboard</source>
        <translation>Zwischenablage</translation>
    </message>
    <message>
        <location filename="../src/app/ladderdocument_selection.cpp" line="257"/>
        <source>Paste</source>
        <translation>Einfügen</translation>
    </message>
    <message>
        <location filename="../src/app/ladderdocument_selection.cpp" line="278"/>
        <source>Duplicate</source>
        <translation>Duplizieren</translation>
    </message>
    <message>
        <location filename="../src/app/ladderdocument_edits.cpp" line="348"/>
        <source>Align %1</source>
        <translation>Ausrichten: %1</translation>
    </message>
    <message>
        <location filename="../src/app/ladderdocument_edits.cpp" line="364"/>
        <source>Auto-layout</source>
        <translation>Automatisch anordnen</translation>
    </message>
    <message>
        <location filename="../src/app/ladderdocument_p.h" line="39"/>
        <source>inject on switch</source>
        <translation>bei Wechsel einfügen</translation>
    </message>
    <message>
        <location filename="../src/app/ladderdocument_p.h" line="41"/>
        <source>inject every turn</source>
        <translation>in jedem Zug einfügen</translation>
    </message>
    <message>
        <location filename="../src/app/ladderdocument_p.h" line="43"/>
        <source>never injected</source>
        <translation>nie eingefügt</translation>
    </message>
    <message>
        <location filename="../src/app/ladderdocument_p.h" line="47"/>
        <source>scaffold</source>
        <translation>Gerüst</translation>
    </message>
    <message>
        <location filename="../src/app/ladderdocument_p.h" line="49"/>
        <source>summarize</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <location filename="../src/app/ladderdocument_p.h" line="51"/>
        <source>no refresh</source>
        <translation>keine Aktualisierung</translation>
    </message>
    <message>
        <location filename="../src/app/ladderdocument_p.h" line="55"/>
        <source>full</source>
        <translation>vollständig</translation>
    </message>
    <message>
        <location filename="../src/app/ladderdocument_p.h" line="57"/>
        <source>clean handoff</source>
        <translation>saubere Übergabe</translation>
    </message>
    <message>
        <location filename="../src/app/ladderdocument_p.h" line="59"/>
        <source>memory + last %1</source>
        <translation>Gedächtnis + letzte %1</translation>
    </message>
    <message>
        <location filename="../src/app/ladderdocument_items.cpp" line="102"/>
        <source>%1 · %2 tokens</source>
        <translation>%1 · %2 Tokens</translation>
    </message>
</context>
<context>
    <name>ladder::ChatMemoryModel</name>
    <message>
        <location filename="../src/app/chatmemorymodel.cpp" line="16"/>
        <source>Goal</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <location filename="../src/app/chatmemorymodel.cpp" line="17"/>
        <source>Constraints</source>
        <translation>Randbedingungen</translation>
    </message>
    <message>
        <location filename="../src/app/chatmemorymodel.cpp" line="18"/>
        <source>Non-goals</source>
        <translation>Nicht-Ziele</translation>
    </message>
    <message>
        <location filename="../src/app/chatmemorymodel.cpp" line="19"/>
        <source>Assumptions</source>
        <translation>Annahmen</translation>
    </message>
    <message>
        <location filename="../src/app/chatmemorymodel.cpp" line="20"/>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location filename="../src/app/chatmemorymodel.cpp" line="21"/>
        <source>Format contract</source>
        <translation>Formatvertrag</translation>
    </message>
    <message>
        <location filename="../src/app/chatmemorymodel.cpp" line="22"/>
        <source>Decisions</source>
        <translation>Entscheidungen</translation>
    </message>
    <message>
        <location filename="../src/app/chatmemorymodel.cpp" line="23"/>
        <source>Open questions</source>
        <translation>Offene Fragen</translation>
    </message>
    <message>
        <location filename="../src/app/chatmemorymodel.cpp" line="24"/>
        <source>Unknowns</source>
        <translation>Unbekannte</translation>
    </message>
    <message>
        <location filename="../src/app/chatmemorymodel.cpp" line="39"/>
        <source>Edit %1</source>
        <translation>%1 bearbeiten</translation>
    </message>
</context>
<context>
    <name>ladder::ProviderSettings</name>
    <message>
        <location filename="../src/app/providersettings.cpp" line="234"/>
        <source>%1 has errors; %2</source>
        <translation>%1 enthält Fehler; %2</translation>
    </message>
    <message>
        <location filename="../src/app/providersettings.cpp" line="236"/>
        <source>the providers in use stay as they were</source>
        <translation>die verwendeten Anbieter bleiben unverändert</translation>
    </message>
    <message>
        <location filename="../src/app/providersettings.cpp" line="237"/>
        <source>the simulated provider answers</source>
        <translation>der simulierte Anbieter antwortet</translation>
    </message>
    <message>
        <location filename="../src/app/providersettings.cpp" line="276"/>
        <source>New chats and comparisons run on the simulated provider.</source>
        <translation>Neue Chats und Vergleiche laufen auf dem simulierten Anbieter.</translation>
    </message>
    <message>
        <location filename="../src/app/providersettings.cpp" line="285"/>
        <source>Not saved: fix the problems first.</source>
        <translation>Nicht gespeichert: Beheben Sie zuerst die Probleme.</translation>
    </message>
    <message>
        <location filename="../src/app/providersettings.cpp" line="296"/>
        <source>Saved %1. New chats and comparisons use it.</source>
        <translation>%1 gespeichert. Neue Chats und Vergleiche verwenden sie.</translation>
    </message>
    <message>
        <location filename="../src/app/providersettings.cpp" line="400"/>
        <source>%1 of %2: &quot;%3&quot; is not a timeout. Use whole milliseconds from 0 (off) to %4 (24 hours).</source>
        <translation>%1 von %2: „%3“ ist kein Zeitlimit. Erlaubt sind ganze Millisekunden von 0 (aus) bis %4 (24 Stunden).</translation>
    </message>
    <message>
        <location filename="../src/app/providersettings.cpp" line="78"/>
        <source>Connect timeout</source>
        <translation>Zeitlimit Verbindung</translation>
    </message>
    <message>
        <location filename="../src/app/providersettings.cpp" line="80"/>
        <source>First-token timeout</source>
        <translation>Zeitlimit erstes Token</translation>
    </message>
    <message>
        <location filename="../src/app/providersettings.cpp" line="82"/>
        <source>Idle timeout</source>
        <translation>Zeitlimit Pause</translation>
    </message>
    <message>
        <location filename="../src/app/providersettings.cpp" line="461"/>
        <source>Fix the problems of %1 before checking it.</source>
        <translation>Beheben Sie die Probleme von %1, bevor Sie es prüfen.</translation>
    </message>
    <message>
        <location filename="../src/app/providersettings.cpp" line="469"/>
        <source>%1 lists no models to check.</source>
        <translation>%1 nennt keine Modelle zum Prüfen.</translation>
    </message>
    <message>
        <location filename="../src/app/providersettings.cpp" line="504"/>
        <source>The key was not stored: %1</source>
        <translation>Der Schlüssel wurde nicht gespeichert: %1</translation>
    </message>
    <message>
        <location filename="../src/app/providersettings.cpp" line="510"/>
        <source>The key for %1 is in the keychain item %2.</source>
        <translation>Der Schlüssel für %1 liegt im Schlüsselbund-Eintrag %2.</translation>
    </message>
    <message>
        <location filename="../src/app/providersettings.cpp" line="544"/>
        <source>no key needed</source>
        <translation>kein Schlüssel nötig</translation>
    </message>
    <message>
        <location filename="../src/app/providersettings.cpp" line="547"/>
        <source>%1 is not set</source>
        <translation>%1 ist nicht gesetzt</translation>
    </message>
    <message>
        <location filename="../src/app/providersettings.cpp" line="548"/>
        <source>%1 is set</source>
        <translation>%1 ist gesetzt</translation>
    </message>
</context>
<context>
    <name>ladder::ScreenshotController</name>
    <message>
        <location filename="../src/app/screenshotcontroller.cpp" line="23"/>
        <source>Timed out waiting for the view to become ready (held by: %1)</source>
        <translation>Zeitüberschreitung beim Warten auf die Ansicht (blockiert durch: %1)</translation>
    </message>
    <message>
        <location filename="../src/app/screenshotcontroller.cpp" line="52"/>
        <source>No window to capture</source>
        <translation>Kein Fenster zum Aufnehmen</translation>
    </message>
    <message>
        <location filename="../src/app/screenshotcontroller.cpp" line="93"/>
        <source>Could not grab the window</source>
        <translation>Das Fenster konnte nicht aufgenommen werden</translation>
    </message>
    <message>
        <location filename="../src/app/screenshotcontroller.cpp" line="99"/>
        <source>Could not write %1</source>
        <translation>%1 konnte nicht geschrieben werden</translation>
    </message>
</context>
<context>
    <name>ladder::AuditSessionModel</name>
    <message>
        <location filename="../src/app/auditcallmodel.cpp" line="49"/>
        <source>Untitled chat</source>
        <translation>Unbenannter Chat</translation>
    </message>
</context>
<context>
    <name>ladder::Studio</name>
    <message>
        <location filename="../src/app/studio.cpp" line="155"/>
        <source>The session store %1 could not be opened: %2</source>
        <translation>Der Sitzungsspeicher %1 konnte nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <location filename="../src/app/studio.cpp" line="253"/>
        <source>Cannot read the script %1: %2</source>
        <translation>Das Skript %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location filename="../src/app/studio.cpp" line="257"/>
        <source>--script needs a ladder file with tiers</source>
        <translation>--script braucht eine Leiter-Datei mit Stufen</translation>
    </message>
</context>
<context>
    <name>ladder::ChatTimelineModel</name>
    <message>
        <location filename="../src/app/chattimelinemodel.cpp" line="146"/>
        <source>Escalated: %1</source>
        <translation>Eskaliert: %1</translation>
    </message>
    <message>
        <location filename="../src/app/chattimelinemodel.cpp" line="148"/>
        <source>Fallback: %1</source>
        <translation>Ausweichen: %1</translation>
    </message>
    <message>
        <location filename="../src/app/chattimelinemodel.cpp" line="150"/>
        <source>Handoff: %1</source>
        <translation>Übergabe: %1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../src/app/appcontroller.cpp" line="257"/>
        <source>Design, run and compare model ladders.</source>
        <translation>Modellleitern entwerfen, ausführen und vergleichen.</translation>
    </message>
    <message>
        <location filename="../src/app/appcontroller.cpp" line="261"/>
        <source>Ladder file to open.</source>
        <translation>Zu öffnende Leiterdatei.</translation>
    </message>
    <message>
        <location filename="../src/app/appcontroller.cpp" line="265"/>
        <source>Area to show: %1.</source>
        <translation>Anzuzeigender Bereich: %1.</translation>
    </message>
    <message>
        <location filename="../src/app/appcontroller.cpp" line="269"/>
        <source>Render the view, save it as PNG and exit.</source>
        <translation>Die Ansicht zeichnen, als PNG speichern und beenden.</translation>
    </message>
    <message>
        <location filename="../src/app/appcontroller.cpp" line="273"/>
        <source>User interface language (en, de).</source>
        <translation>Sprache der Oberfläche (en, de).</translation>
    </message>
    <message>
        <location filename="../src/app/appcontroller.cpp" line="277"/>
        <source>Play the file&apos;s lines as user turns on the simulated provider, or on --providers (chat, or every column in compare).</source>
        <translation>Die Zeilen der Datei als Benutzerrunden abspielen, auf dem simulierten Anbieter oder auf --providers (Chat, oder jede Spalte im Vergleich).</translation>
    </message>
    <message>
        <location filename="../src/app/appcontroller.cpp" line="283"/>
        <source>Provider configuration (providers/1 JSON) for this run; Settings can make one permanent. Keys come from the environment or the OS keychain.</source>
        <translation>Anbieterkonfiguration (providers/1-JSON) für diesen Lauf; die Einstellungen können eine dauerhaft machen. Schlüssel kommen aus der Umgebung oder dem Schlüsselbund des Systems.</translation>
    </message>
</context>
</TS>
