<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AuditView</name>
    <message>
        <location filename="../qml/audit/AuditView.qml" line="63"/>
        <source>Audit</source>
        <translation>Audit</translation>
    </message>
    <message>
        <location filename="../qml/audit/AuditView.qml" line="73"/>
        <source>Choose a session</source>
        <translation>Sitzung wählen</translation>
    </message>
    <message>
        <location filename="../qml/audit/AuditView.qml" line="81"/>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location filename="../qml/audit/AuditView.qml" line="85"/>
        <location filename="../qml/audit/AuditView.qml" line="174"/>
        <source>Tier</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <location filename="../qml/audit/AuditView.qml" line="91"/>
        <location filename="../qml/audit/AuditView.qml" line="103"/>
        <location filename="../qml/audit/AuditView.qml" line="115"/>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <location filename="../qml/audit/AuditView.qml" line="97"/>
        <location filename="../qml/audit/AuditView.qml" line="175"/>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location filename="../qml/audit/AuditView.qml" line="109"/>
        <location filename="../qml/audit/AuditView.qml" line="175"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../qml/audit/AuditView.qml" line="125"/>
        <source>Export JSONL…</source>
        <translation>JSONL exportieren…</translation>
    </message>
    <message>
        <location filename="../qml/audit/AuditView.qml" line="128"/>
        <source>The calls shown, with their requests, one JSON object a line</source>
        <translation>Die angezeigten Aufrufe mit ihren Anfragen, ein JSON-Objekt pro Zeile</translation>
    </message>
    <message>
        <location filename="../qml/audit/AuditView.qml" line="140"/>
        <source>%1 calls · %2 failed · %3 tokens · %4</source>
        <translation>%1 Aufrufe · %2 fehlgeschlagen · %3 Tokens · %4</translation>
    </message>
    <message>
        <location filename="../qml/audit/AuditView.qml" line="174"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location filename="../qml/audit/AuditView.qml" line="174"/>
        <source>Turn</source>
        <translation>Zug</translation>
    </message>
    <message>
        <location filename="../qml/audit/AuditView.qml" line="174"/>
        <source>Attempt</source>
        <translation>Versuch</translation>
    </message>
    <message>
        <location filename="../qml/audit/AuditView.qml" line="175"/>
        <source>In tok</source>
        <translation>Ein-Tok.</translation>
    </message>
    <message>
        <location filename="../qml/audit/AuditView.qml" line="175"/>
        <source>Out tok</source>
        <translation>Aus-Tok.</translation>
    </message>
    <message>
        <location filename="../qml/audit/AuditView.qml" line="176"/>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <location filename="../qml/audit/AuditView.qml" line="176"/>
        <source>TTFT</source>
        <translation>TTFT</translation>
    </message>
    <message>
        <location filename="../qml/audit/AuditView.qml" line="176"/>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <location filename="../qml/audit/AuditView.qml" line="261"/>
        <source>Choose a session to see its provider calls.</source>
        <translation>Wählen Sie eine Sitzung, um ihre Anbieteraufrufe zu sehen.</translation>
    </message>
    <message>
        <location filename="../qml/audit/AuditView.qml" line="262"/>
        <source>No calls match the filters.</source>
        <translation>Keine Aufrufe passen zu den Filtern.</translation>
    </message>
    <message>
        <location filename="../qml/audit/AuditView.qml" line="277"/>
        <source>Request as sent</source>
        <translation>Gesendete Anfrage</translation>
    </message>
    <message>
        <location filename="../qml/audit/AuditView.qml" line="280"/>
        <source>Response</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <location filename="../qml/audit/AuditView.qml" line="315"/>
        <source>Select a call.</source>
        <translation>Wählen Sie einen Aufruf.</translation>
    </message>
    <message>
        <location filename="../qml/audit/AuditView.qml" line="328"/>
        <source>Export Calls as JSONL</source>
        <translation>Aufrufe als JSONL exportieren</translation>
    </message>
    <message>
        <location filename="../qml/audit/AuditView.qml" line="331"/>
        <source>JSON Lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
</context>
<context>
    <name>CaseSideBySide</name>
    <message>
        <location filename="../qml/evaluate/CaseSideBySide.qml" line="22"/>
        <source>Case %1 · %2</source>
        <translation>Fall %1 · %2</translation>
    </message>
    <message>
        <location filename="../qml/evaluate/CaseSideBySide.qml" line="23"/>
        <source>Pick a case in the table to see it side by side</source>
        <translation>Einen Fall in der Tabelle wählen, um ihn nebeneinander zu sehen</translation>
    </message>
    <message>
        <location filename="../qml/evaluate/CaseSideBySide.qml" line="30"/>
        <source>Expected: %1</source>
        <translation>Erwartet: %1</translation>
    </message>
    <message>
        <location filename="../qml/evaluate/CaseSideBySide.qml" line="82"/>
        <source>Turn %1 · %2 · score %3%4</source>
        <translation>Zug %1 · %2 · Bewertung %3%4</translation>
    </message>
    <message>
        <location filename="../qml/evaluate/CaseSideBySide.qml" line="87"/>
        <source> · approximation</source>
        <translation> · Näherung</translation>
    </message>
</context>
<context>
    <name>CaseTable</name>
    <message>
        <location filename="../qml/evaluate/CaseTable.qml" line="28"/>
        <source>Cases</source>
        <translation>Fälle</translation>
    </message>
    <message>
        <location filename="../qml/evaluate/CaseTable.qml" line="36"/>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <location filename="../qml/evaluate/CaseTable.qml" line="36"/>
        <source>Failures only</source>
        <translation>Nur Fehlschläge</translation>
    </message>
    <message>
        <location filename="../qml/evaluate/CaseTable.qml" line="36"/>
        <source>Differences only</source>
        <translation>Nur Unterschiede</translation>
    </message>
    <message>
        <location filename="../qml/evaluate/CaseTable.qml" line="104"/>
        <source>score / always-strong · ≈ approximation (model switched mid-conversation)</source>
        <translation>Bewertung / immer stark · ≈ Näherung (Modell mitten im Gespräch gewechselt)</translation>
    </message>
</context>
<context>
    <name>ChatFeedbackButtons</name>
    <message>
        <location filename="../qml/chat/ChatFeedbackButtons.qml" line="31"/>
        <source>Regenerate on a stronger tier</source>
        <translation>Auf einer stärkeren Stufe neu erzeugen</translation>
    </message>
    <message>
        <location filename="../qml/chat/ChatFeedbackButtons.qml" line="37"/>
        <source>Answer this turn again on %1 in a new branch. The turn is kept as a case where this tier was not enough, for training the learned listener.</source>
        <translation>Diesen Zug in einem neuen Zweig noch einmal auf %1 beantworten. Der Zug wird als Fall aufbewahrt, in dem diese Stufe nicht genügte, zum Trainieren des gelernten Zuhörers.</translation>
    </message>
    <message>
        <location filename="../qml/chat/ChatFeedbackButtons.qml" line="44"/>
        <source>✓ Good</source>
        <translation>✓ Gut</translation>
    </message>
    <message>
        <location filename="../qml/chat/ChatFeedbackButtons.qml" line="48"/>
        <source>Good answer</source>
        <translation>Gute Antwort</translation>
    </message>
    <message>
        <location filename="../qml/chat/ChatFeedbackButtons.qml" line="51"/>
        <location filename="../qml/chat/ChatFeedbackButtons.qml" line="65"/>
        <source>Click again to take the vote back</source>
        <translation>Noch einmal klicken nimmt die Bewertung zurück</translation>
    </message>
    <message>
        <location filename="../qml/chat/ChatFeedbackButtons.qml" line="52"/>
        <source>A good answer from the cheapest tier is kept as a case that did not need a stronger tier</source>
        <translation>Eine gute Antwort der günstigsten Stufe wird als Fall aufbewahrt, der keine stärkere Stufe brauchte</translation>
    </message>
    <message>
        <location filename="../qml/chat/ChatFeedbackButtons.qml" line="58"/>
        <source>✗ Not good enough</source>
        <translation>✗ Nicht gut genug</translation>
    </message>
    <message>
        <location filename="../qml/chat/ChatFeedbackButtons.qml" line="62"/>
        <source>Answer not good enough</source>
        <translation>Antwort nicht gut genug</translation>
    </message>
    <message>
        <location filename="../qml/chat/ChatFeedbackButtons.qml" line="66"/>
        <source>An answer from a tier below the strongest is kept as a case that needs a stronger tier</source>
        <translation>Eine Antwort einer Stufe unterhalb der stärksten wird als Fall aufbewahrt, der eine stärkere Stufe braucht</translation>
    </message>
</context>
<context>
    <name>ChatMessage</name>
    <message>
        <location filename="../qml/chat/ChatMessage.qml" line="114"/>
        <source>Turn %1</source>
        <translation>Zug %1</translation>
    </message>
    <message>
        <location filename="../qml/chat/ChatMessage.qml" line="121"/>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <location filename="../qml/chat/ChatMessage.qml" line="131"/>
        <source>Run from here…</source>
        <translation>Ab hier ausführen…</translation>
    </message>
    <message>
        <location filename="../qml/chat/ChatMessage.qml" line="135"/>
        <source>Replay the chat from this turn on another ladder or with the memory as edited, side by side</source>
        <translation>Den Chat ab dieser Runde auf einer anderen Leiter oder mit dem bearbeiteten Gedächtnis erneut abspielen, nebeneinander</translation>
    </message>
    <message>
        <location filename="../qml/chat/ChatMessage.qml" line="141"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../qml/chat/ChatMessage.qml" line="148"/>
        <source>Resend as new branch</source>
        <translation>Als neuen Zweig senden</translation>
    </message>
    <message>
        <location filename="../qml/chat/ChatMessage.qml" line="187"/>
        <source>Hide details</source>
        <translation>Details ausblenden</translation>
    </message>
    <message>
        <location filename="../qml/chat/ChatMessage.qml" line="187"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../qml/chat/ChatMessage.qml" line="255"/>
        <source>Answer</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <location filename="../qml/chat/ChatMessage.qml" line="256"/>
        <source>routing…</source>
        <translation>Routing…</translation>
    </message>
    <message>
        <location filename="../qml/chat/ChatMessage.qml" line="268"/>
        <source>%1 in · %2 out tok</source>
        <translation>%1 ein · %2 aus Tok.</translation>
    </message>
    <message>
        <location filename="../qml/chat/ChatMessage.qml" line="281"/>
        <source>TTFT %1 · total %2</source>
        <translation>TTFT %1 · gesamt %2</translation>
    </message>
    <message>
        <location filename="../qml/chat/ChatMessage.qml" line="343"/>
        <source>Copy code block %1</source>
        <translation>Codeblock %1 kopieren</translation>
    </message>
    <message>
        <location filename="../qml/chat/ChatMessage.qml" line="370"/>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <location filename="../qml/chat/ChatMessage.qml" line="376"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location filename="../qml/chat/ChatMessage.qml" line="382"/>
        <source>Regenerate</source>
        <translation>Neu erzeugen</translation>
    </message>
    <message>
        <location filename="../qml/chat/ChatMessage.qml" line="396"/>
        <source>Save as golden case…</source>
        <translation>Als Referenzfall speichern…</translation>
    </message>
    <message>
        <location filename="../qml/chat/ChatMessage.qml" line="401"/>
        <source>Show in timeline</source>
        <translation>In der Zeitleiste zeigen</translation>
    </message>
</context>
<context>
    <name>ChatView</name>
    <message>
        <location filename="../qml/chat/ChatView.qml" line="98"/>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <location filename="../qml/chat/ChatView.qml" line="104"/>
        <location filename="../qml/chat/ChatView.qml" line="224"/>
        <source>New chat</source>
        <translation>Neuer Chat</translation>
    </message>
    <message>
        <location filename="../qml/chat/ChatView.qml" line="152"/>
        <source>Delete this session and its audit records</source>
        <translation>Diese Sitzung und ihre Audit-Einträge löschen</translation>
    </message>
    <message>
        <location filename="../qml/chat/ChatView.qml" line="182"/>
        <source>Chats are saved here as you go.</source>
        <translation>Chats werden hier laufend gespeichert.</translation>
    </message>
    <message>
        <location filename="../qml/chat/ChatView.qml" line="238"/>
        <source>Rename the session</source>
        <translation>Sitzung umbenennen</translation>
    </message>
    <message>
        <location filename="../qml/chat/ChatView.qml" line="168"/>
        <source>%1 · %2 · %3 calls · %4</source>
        <translation>%1 · %2 · %3 Aufrufe · %4</translation>
    </message>
    <message>
        <location filename="../qml/chat/ChatView.qml" line="255"/>
        <source>%1 · %2 turns · %3 · %4 tokens · mean %5 ms · %6 escalations · %7 fallbacks</source>
        <translation>%1 · %2 Züge · %3 · %4 Tokens · Mittel %5 ms · %6 Eskalationen · %7 Ausweichungen</translation>
    </message>
    <message>
        <location filename="../qml/chat/ChatView.qml" line="257"/>
        <source>no ladder</source>
        <translation>keine Leiter</translation>
    </message>
    <message>
        <location filename="../qml/chat/ChatView.qml" line="271"/>
        <source>read-only replay</source>
        <translation>schreibgeschützte Wiedergabe</translation>
    </message>
    <message>
        <location filename="../qml/chat/ChatView.qml" line="274"/>
        <source>Speed</source>
        <translation>Tempo</translation>
    </message>
    <message>
        <location filename="../qml/chat/ChatView.qml" line="282"/>
        <source>Real time</source>
        <translation>Echtzeit</translation>
    </message>
    <message>
        <location filename="../qml/chat/ChatView.qml" line="282"/>
        <source>4× faster</source>
        <translation>4× schneller</translation>
    </message>
    <message>
        <location filename="../qml/chat/ChatView.qml" line="282"/>
        <source>Instant</source>
        <translation>Sofort</translation>
    </message>
    <message>
        <location filename="../qml/chat/ChatView.qml" line="287"/>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <location filename="../qml/chat/ChatView.qml" line="348"/>
        <source>Ask something. The ladder “%1” decides which tier answers; escalations, fallbacks and handoffs appear inline.</source>
        <translation>Fragen Sie etwas. Die Leiter „%1“ entscheidet, welche Stufe antwortet; Eskalationen, Ausweichungen und Übergaben erscheinen im Verlauf.</translation>
    </message>
    <message>
        <location filename="../qml/chat/ChatView.qml" line="351"/>
        <source>Open or create a ladder in Design, then chat with it here.</source>
        <translation>Öffnen oder erstellen Sie eine Leiter im Entwurf und chatten Sie hier mit ihr.</translation>
    </message>
    <message>
        <location filename="../qml/chat/ChatView.qml" line="395"/>
        <source>A stored session is read-only: start a new chat to continue.</source>
        <translation>Eine gespeicherte Sitzung ist schreibgeschützt: Starten Sie einen neuen Chat, um fortzufahren.</translation>
    </message>
    <message>
        <location filename="../qml/chat/ChatView.qml" line="396"/>
        <source>Message the ladder (Ctrl+Enter to send)</source>
        <translation>Nachricht an die Leiter (Strg+Eingabe zum Senden)</translation>
    </message>
    <message>
        <location filename="../qml/chat/ChatView.qml" line="415"/>
        <source>Auto (router)</source>
        <translation>Automatisch (Router)</translation>
    </message>
    <message>
        <location filename="../qml/chat/ChatView.qml" line="416"/>
        <source>Force %1</source>
        <translation>%1 erzwingen</translation>
    </message>
    <message>
        <location filename="../qml/chat/ChatView.qml" line="420"/>
        <source>Tier for the next turn</source>
        <translation>Stufe für den nächsten Zug</translation>
    </message>
    <message>
        <location filename="../qml/chat/ChatView.qml" line="427"/>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <location filename="../qml/chat/ChatView.qml" line="439"/>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <location filename="../qml/chat/ChatView.qml" line="458"/>
        <source>Export Chat</source>
        <translation>Chat exportieren</translation>
    </message>
    <message>
        <location filename="../qml/chat/ChatView.qml" line="461"/>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <location filename="../qml/chat/ChatView.qml" line="461"/>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../qml/chat/ChatView.qml" line="486"/>
        <source>Same ladder, memory as edited now</source>
        <translation>Gleiche Leiter, Gedächtnis wie jetzt bearbeitet</translation>
    </message>
    <message>
        <location filename="../qml/chat/ChatView.qml" line="491"/>
        <source>Single-model baseline</source>
        <translation>Einzelmodell-Vergleichsbasis</translation>
    </message>
    <message>
        <location filename="../qml/chat/ChatView.qml" line="501"/>
        <source>Always %1 (%2)</source>
        <translation>Immer %1 (%2)</translation>
    </message>
    <message>
        <location filename="../qml/chat/ChatView.qml" line="507"/>
        <source>Template</source>
        <translation>Vorlage</translation>
    </message>
</context>
<context>
    <name>CompareColumn</name>
    <message>
        <location filename="../qml/compare/CompareColumn.qml" line="67"/>
        <source>Remove this column</source>
        <translation>Diese Spalte entfernen</translation>
    </message>
    <message>
        <location filename="../qml/compare/CompareColumn.qml" line="75"/>
        <source>%1 · %2 tokens · mean %3 ms</source>
        <translation>%1 · %2 Tokens · Mittel %3 ms</translation>
    </message>
    <message>
        <location filename="../qml/compare/CompareColumn.qml" line="78"/>
        <source>%1 · %2 tokens · mean %3 ms · %4 escalations</source>
        <translation>%1 · %2 Tokens · Mittel %3 ms · %4 Eskalationen</translation>
    </message>
    <message>
        <location filename="../qml/compare/CompareColumn.qml" line="154"/>
        <source>Run from here (turn %1)</source>
        <translation>Ab hier ausgeführt (Runde %1)</translation>
    </message>
    <message>
        <location filename="../qml/compare/CompareColumn.qml" line="193"/>
        <source>✓ Preferred</source>
        <translation>✓ Bevorzugt</translation>
    </message>
    <message>
        <location filename="../qml/compare/CompareColumn.qml" line="193"/>
        <source>This one is better</source>
        <translation>Diese ist besser</translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <location filename="../qml/compare/CompareView.qml" line="43"/>
        <source>Compare</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <location filename="../qml/compare/CompareView.qml" line="46"/>
        <source>%1 of 4 columns</source>
        <translation>%1 von 4 Spalten</translation>
    </message>
    <message>
        <location filename="../qml/compare/CompareView.qml" line="54"/>
        <source>Add column</source>
        <translation>Spalte hinzufügen</translation>
    </message>
    <message>
        <location filename="../qml/compare/CompareView.qml" line="62"/>
        <source>Open ladder (%1)</source>
        <translation>Geöffnete Leiter (%1)</translation>
    </message>
    <message>
        <location filename="../qml/compare/CompareView.qml" line="67"/>
        <source>Template</source>
        <translation>Vorlage</translation>
    </message>
    <message>
        <location filename="../qml/compare/CompareView.qml" line="81"/>
        <source>Single-model baseline</source>
        <translation>Basislinie mit einem Modell</translation>
    </message>
    <message>
        <location filename="../qml/compare/CompareView.qml" line="92"/>
        <source>Always %1 (%2)</source>
        <translation>Immer %1 (%2)</translation>
    </message>
    <message>
        <location filename="../qml/compare/CompareView.qml" line="101"/>
        <source>Blind</source>
        <translation>Blind</translation>
    </message>
    <message>
        <location filename="../qml/compare/CompareView.qml" line="109"/>
        <source>Revealed</source>
        <translation>Aufgedeckt</translation>
    </message>
    <message>
        <location filename="../qml/compare/CompareView.qml" line="109"/>
        <source>Reveal ladders</source>
        <translation>Leitern aufdecken</translation>
    </message>
    <message>
        <location filename="../qml/compare/CompareView.qml" line="114"/>
        <source>Restart</source>
        <translation>Neu starten</translation>
    </message>
    <message>
        <location filename="../qml/compare/CompareView.qml" line="126"/>
        <source>Run from turn %1: the turns before it are replayed at once, the rest at the model&apos;s pace.</source>
        <translation>Ab Runde %1 ausgeführt: die Runden davor werden sofort wiederholt, der Rest im Tempo des Modells.</translation>
    </message>
    <message>
        <location filename="../qml/compare/CompareView.qml" line="139"/>
        <source>Picks: </source>
        <translation>Wahl: </translation>
    </message>
    <message>
        <location filename="../qml/compare/CompareView.qml" line="140"/>
        <source>turn %1 → %2</source>
        <translation>Zug %1 → %2</translation>
    </message>
    <message>
        <location filename="../qml/compare/CompareView.qml" line="173"/>
        <source>Add 2 to 4 columns: the open ladder, a template or an “always &lt;tier&gt;” baseline.</source>
        <translation>Fügen Sie 2 bis 4 Spalten hinzu: die geöffnete Leiter, eine Vorlage oder eine Basislinie „immer &lt;Stufe&gt;“.</translation>
    </message>
    <message>
        <location filename="../qml/compare/CompareView.qml" line="198"/>
        <source>The same message goes to every column</source>
        <translation>Dieselbe Nachricht geht an jede Spalte</translation>
    </message>
    <message>
        <location filename="../qml/compare/CompareView.qml" line="205"/>
        <source>Send to all</source>
        <translation>An alle senden</translation>
    </message>
    <message>
        <location filename="../qml/compare/CompareView.qml" line="215"/>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
</context>
<context>
    <name>DetectorInspector</name>
    <message>
        <location filename="../qml/editor/DetectorInspector.qml" line="18"/>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../qml/editor/DetectorInspector.qml" line="28"/>
        <source>Enabled</source>
        <translation>Aktiviert</translation>
    </message>
    <message>
        <location filename="../qml/editor/DetectorInspector.qml" line="34"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../src/app/document/laddernames.cpp" line="115"/>
        <source>Lexicon (patterns raise a signal)</source>
        <translation>Lexikon (Muster lösen ein Signal aus)</translation>
    </message>
    <message>
        <location filename="../src/app/document/laddernames.cpp" line="117"/>
        <source>Classifier (labels by task type)</source>
        <translation>Klassifikator (Etiketten nach Aufgabentyp)</translation>
    </message>
    <message>
        <location filename="../src/app/document/laddernames.cpp" line="119"/>
        <source>Learned (a trained model raises a signal)</source>
        <translation>Gelernt (ein trainiertes Modell löst ein Signal aus)</translation>
    </message>
    <message>
        <location filename="../qml/editor/DetectorInspector.qml" line="48"/>
        <source>Signal</source>
        <translation>Signal</translation>
    </message>
    <message>
        <location filename="../qml/editor/DetectorInspector.qml" line="63"/>
        <source>Patterns (regular expressions, one per line)</source>
        <translation>Muster (reguläre Ausdrücke, eines pro Zeile)</translation>
    </message>
    <message>
        <location filename="../qml/editor/DetectorInspector.qml" line="80"/>
        <source>Labels (one per line: label: pattern, pattern)</source>
        <translation>Etiketten (eines pro Zeile: Etikett: Muster, Muster)</translation>
    </message>
    <message>
        <location filename="../qml/editor/DetectorInspector.qml" line="97"/>
        <source>Default label</source>
        <translation>Standardetikett</translation>
    </message>
    <message>
        <location filename="../qml/editor/DetectorInspector.qml" line="108"/>
        <source>Listener tier (classifies once a model is wired)</source>
        <translation>Zuhörer-Stufe (klassifiziert, sobald ein Modell angebunden ist)</translation>
    </message>
    <message>
        <location filename="../qml/editor/DetectorInspector.qml" line="114"/>
        <source>none (patterns only)</source>
        <translation>keine (nur Muster)</translation>
    </message>
    <message>
        <location filename="../qml/editor/DetectorInspector.qml" line="121"/>
        <source>Threshold: raise the signal when p ≥ %1</source>
        <translation>Schwelle: Signal auslösen bei p ≥ %1</translation>
    </message>
    <message>
        <location filename="../qml/editor/DetectorInspector.qml" line="137"/>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location filename="../qml/editor/DetectorInspector.qml" line="151"/>
        <source>Train on recorded answers</source>
        <translation>Mit aufgezeichneten Antworten trainieren</translation>
    </message>
    <message>
        <location filename="../qml/editor/DetectorInspector.qml" line="159"/>
        <source>MT-Bench, GSM8K, audit log or JSONL file</source>
        <translation>MT-Bench, GSM8K, Audit-Protokoll oder JSONL-Datei</translation>
    </message>
    <message>
        <location filename="../qml/editor/DetectorInspector.qml" line="164"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location filename="../qml/editor/DetectorInspector.qml" line="174"/>
        <source>1 feedback case from your chats</source>
        <translation>1 Rückmeldungsfall aus Ihren Chats</translation>
    </message>
    <message>
        <location filename="../qml/editor/DetectorInspector.qml" line="175"/>
        <source>%1 feedback cases from your chats</source>
        <translation>%1 Rückmeldungsfälle aus Ihren Chats</translation>
    </message>
    <message>
        <location filename="../qml/editor/DetectorInspector.qml" line="179"/>
        <source>Manual tier picks, “Regenerate on a stronger tier” and votes on answers in Chat, kept in the session store. Ticked: Train uses them too (alone when no data set is picked).</source>
        <translation>Manuell gewählte Stufen, „Auf einer stärkeren Stufe neu erzeugen“ und Bewertungen von Antworten im Chat, aufbewahrt im Sitzungsspeicher. Angehakt: Trainieren nutzt sie mit (allein, wenn kein Datensatz gewählt ist).</translation>
    </message>
    <message>
        <location filename="../qml/editor/DetectorInspector.qml" line="189"/>
        <source>Train</source>
        <translation>Trainieren</translation>
    </message>
    <message>
        <location filename="../qml/editor/DetectorInspector.qml" line="194"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../qml/editor/DetectorInspector.qml" line="233"/>
        <source>Open a data set of recorded answers</source>
        <translation>Datensatz mit aufgezeichneten Antworten öffnen</translation>
    </message>
    <message>
        <location filename="../qml/editor/DetectorInspector.qml" line="234"/>
        <source>Data sets (*.jsonl *.csv *.sqlite)</source>
        <translation>Datensätze (*.jsonl *.csv *.sqlite)</translation>
    </message>
    <message>
        <location filename="../qml/editor/DetectorInspector.qml" line="234"/>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>DetectorNode</name>
    <message>
        <location filename="../qml/editor/DetectorNode.qml" line="57"/>
        <source>off</source>
        <translation>aus</translation>
    </message>
</context>
<context>
    <name>DocumentInspector</name>
    <message>
        <location filename="../qml/editor/DocumentInspector.qml" line="12"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../qml/editor/DocumentInspector.qml" line="22"/>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <location filename="../qml/editor/DocumentInspector.qml" line="40"/>
        <source>Entry tier (answers the first turn)</source>
        <translation>Einstiegsstufe (beantwortet den ersten Zug)</translation>
    </message>
    <message>
        <location filename="../qml/editor/DocumentInspector.qml" line="54"/>
        <source>1 tier</source>
        <translation>1 Stufe</translation>
    </message>
    <message>
        <location filename="../qml/editor/DocumentInspector.qml" line="55"/>
        <source>%1 tiers</source>
        <translation>%1 Stufen</translation>
    </message>
    <message>
        <location filename="../qml/editor/DocumentInspector.qml" line="57"/>
        <source>1 transition</source>
        <translation>1 Übergang</translation>
    </message>
    <message>
        <location filename="../qml/editor/DocumentInspector.qml" line="58"/>
        <source>%1 transitions</source>
        <translation>%1 Übergänge</translation>
    </message>
    <message>
        <location filename="../qml/editor/DocumentInspector.qml" line="65"/>
        <source>Select a node or a transition label on the canvas to edit it.</source>
        <translation>Wählen Sie einen Knoten oder die Beschriftung eines Übergangs auf der Arbeitsfläche, um ihn zu bearbeiten.</translation>
    </message>
</context>
<context>
    <name>ElidedTextNote</name>
    <message>
        <location filename="../qml/common/ElidedTextNote.qml" line="10"/>
        <source>Too long to edit here (%L1 characters): the start is shown.</source>
        <translation>Zu lang, um es hier zu bearbeiten (%L1 Zeichen): der Anfang wird gezeigt.</translation>
    </message>
</context>
<context>
    <name>ErrorBanner</name>
    <message>
        <location filename="../qml/common/ErrorBanner.qml" line="41"/>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>EvaluateModel</name>
    <message>
        <location filename="../src/app/evaluate/evaluatejob.cpp" line="27"/>
        <source>%1: tier &quot;%2&quot; replays recorded answers and cannot answer live: pick the open ladder or a template</source>
        <translation>%1: Stufe &quot;%2&quot; spielt aufgezeichnete Antworten ab und kann nicht live antworten: Wählen Sie die geöffnete Leiter oder eine Vorlage</translation>
    </message>
    <message>
        <location filename="../src/app/evaluate/evaluatejob.cpp" line="45"/>
        <source>the simulated provider (no keys, no network)</source>
        <translation>dem simulierten Anbieter (keine Schlüssel, kein Netzwerk)</translation>
    </message>
    <message>
        <location filename="../src/app/evaluate/evaluatejob.cpp" line="59"/>
        <source>%1: tier &quot;%2&quot; uses provider &quot;%3&quot;, which %4 does not configure: add it in Settings → Providers</source>
        <translation>%1: Stufe &quot;%2&quot; verwendet den Anbieter &quot;%3&quot;, den %4 nicht konfiguriert: Fügen Sie ihn unter Einstellungen → Anbieter hinzu</translation>
    </message>
</context>
<context>
    <name>EvaluateView</name>
    <message>
        <location filename="../qml/evaluate/EvaluateView.qml" line="73"/>
        <source>Data set</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <location filename="../qml/evaluate/EvaluateView.qml" line="83"/>
        <source>MT-Bench JSONL, GSM8K CSV, audit log, JSONL</source>
        <translation>MT-Bench-JSONL, GSM8K-CSV, Audit-Protokoll, JSONL</translation>
    </message>
    <message>
        <location filename="../qml/evaluate/EvaluateView.qml" line="87"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location filename="../qml/evaluate/EvaluateView.qml" line="101"/>
        <source>Answer live on the studio&apos;s providers</source>
        <translation>Live mit den Anbietern des Studios antworten</translation>
    </message>
    <message>
        <location filename="../qml/evaluate/EvaluateView.qml" line="116"/>
        <source>Strong answerer</source>
        <translation>Starker Antwortgeber</translation>
    </message>
    <message>
        <location filename="../qml/evaluate/EvaluateView.qml" line="129"/>
        <source>Light answerer</source>
        <translation>Leichter Antwortgeber</translation>
    </message>
    <message>
        <location filename="../qml/evaluate/EvaluateView.qml" line="142"/>
        <source>Ladders (tiers answer live; baselines always included)</source>
        <translation>Leitern (Stufen antworten live; Basislinien immer dabei)</translation>
    </message>
    <message>
        <location filename="../qml/evaluate/EvaluateView.qml" line="143"/>
        <source>Ladders (tiers replay the pair; baselines always included)</source>
        <translation>Leitern (Stufen spielen das Paar ab; Vergleichsläufe immer dabei)</translation>
    </message>
    <message>
        <location filename="../qml/evaluate/EvaluateView.qml" line="166"/>
        <source>Sweep the length-threshold router</source>
        <translation>Längenschwellen-Router durchlaufen</translation>
    </message>
    <message>
        <location filename="../qml/evaluate/EvaluateView.qml" line="181"/>
        <source>Run</source>
        <translation>Ausführen</translation>
    </message>
    <message>
        <location filename="../qml/evaluate/EvaluateView.qml" line="188"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../qml/evaluate/EvaluateView.qml" line="221"/>
        <source>Results</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <location filename="../qml/evaluate/EvaluateView.qml" line="225"/>
        <source>Golden sets</source>
        <translation>Referenzsätze</translation>
    </message>
    <message>
        <location filename="../qml/evaluate/EvaluateView.qml" line="280"/>
        <source>Save chart as PNG…</source>
        <translation>Diagramm als PNG speichern…</translation>
    </message>
    <message>
        <location filename="../qml/evaluate/EvaluateView.qml" line="328"/>
        <source>Open a data set</source>
        <translation>Datensatz öffnen</translation>
    </message>
    <message>
        <location filename="../qml/evaluate/EvaluateView.qml" line="329"/>
        <source>Data sets (*.jsonl *.csv *.sqlite)</source>
        <translation>Datensätze (*.jsonl *.csv *.sqlite)</translation>
    </message>
    <message>
        <location filename="../qml/evaluate/EvaluateView.qml" line="329"/>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../qml/evaluate/EvaluateView.qml" line="335"/>
        <source>Save chart as PNG</source>
        <translation>Diagramm als PNG speichern</translation>
    </message>
    <message>
        <location filename="../qml/evaluate/EvaluateView.qml" line="337"/>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
</context>
<context>
    <name>ExportView</name>
    <message>
        <location filename="../qml/export/ExportView.qml" line="72"/>
        <source>Export to</source>
        <translation>Exportieren nach</translation>
    </message>
    <message>
        <location filename="../qml/export/ExportView.qml" line="97"/>
        <source>Serve this ladder…</source>
        <translation>Diese Leiter bereitstellen…</translation>
    </message>
    <message>
        <location filename="../qml/export/ExportView.qml" line="100"/>
        <source>Serving on %1 · 1 request</source>
        <translation>Bereitgestellt auf %1 · 1 Anfrage</translation>
    </message>
    <message>
        <location filename="../qml/export/ExportView.qml" line="101"/>
        <source>Serving on %1 · %2 requests</source>
        <translation>Bereitgestellt auf %1 · %2 Anfragen</translation>
    </message>
    <message>
        <location filename="../qml/export/ExportView.qml" line="103"/>
        <source>An OpenAI-compatible endpoint on this machine that runs the whole ladder</source>
        <translation>Ein OpenAI-kompatibler Endpunkt auf diesem Rechner, der die ganze Leiter ausführt</translation>
    </message>
    <message>
        <location filename="../qml/export/ExportView.qml" line="111"/>
        <source>Include the editor layout</source>
        <translation>Editor-Layout einschließen</translation>
    </message>
    <message>
        <location filename="../qml/export/ExportView.qml" line="124"/>
        <source>Provider ids resolve to their vendors (openai, anthropic, gemini). Choose a providers file in Settings for your own endpoints.</source>
        <translation>Anbieter-IDs verweisen auf ihre Hersteller (openai, anthropic, gemini). Für eigene Endpunkte eine Anbieterdatei in den Einstellungen wählen.</translation>
    </message>
    <message>
        <location filename="../qml/export/ExportView.qml" line="126"/>
        <source>Provider ids resolve through %1.</source>
        <translation>Anbieter-IDs werden über %1 aufgelöst.</translation>
    </message>
    <message>
        <location filename="../qml/export/ExportView.qml" line="165"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location filename="../qml/export/ExportView.qml" line="171"/>
        <source>Save…</source>
        <translation>Speichern…</translation>
    </message>
    <message>
        <location filename="../qml/export/ExportView.qml" line="237"/>
        <source>Loss report</source>
        <translation>Verlustbericht</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/export/ExportView.qml" line="246"/>
        <source>%n feature(s) not expressed</source>
        <translation>
            <numerusform>%n Funktion nicht ausdrückbar</numerusform>
            <numerusform>%n Funktionen nicht ausdrückbar</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/export/ExportView.qml" line="247"/>
        <source>nothing lost</source>
        <translation>nichts verloren</translation>
    </message>
    <message>
        <location filename="../qml/export/ExportView.qml" line="289"/>
        <source>Save Export</source>
        <translation>Export speichern</translation>
    </message>
    <message>
        <location filename="../qml/export/ExportView.qml" line="292"/>
        <source>YAML (*.yaml *.yml)</source>
        <translation>YAML (*.yaml *.yml)</translation>
    </message>
    <message>
        <location filename="../qml/export/ExportView.qml" line="293"/>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
</context>
<context>
    <name>FrontierChart</name>
    <message>
        <location filename="../qml/evaluate/FrontierChart.qml" line="48"/>
        <source>Pareto front</source>
        <translation>Pareto-Front</translation>
    </message>
    <message>
        <location filename="../qml/evaluate/FrontierChart.qml" line="56"/>
        <source>Sweep</source>
        <translation>Durchlauf</translation>
    </message>
    <message>
        <location filename="../qml/evaluate/FrontierChart.qml" line="80"/>
        <source>%1 · $%2 · %3</source>
        <translation>%1 · $%2 · %3</translation>
    </message>
    <message>
        <location filename="../qml/evaluate/FrontierChart.qml" line="87"/>
        <source>Cost against quality</source>
        <translation>Kosten gegen Qualität</translation>
    </message>
    <message>
        <location filename="../qml/evaluate/FrontierChart.qml" line="106"/>
        <source>Total cost (USD, list prices, estimated tokens)</source>
        <translation>Gesamtkosten (USD, Listenpreise, geschätzte Tokens)</translation>
    </message>
</context>
<context>
    <name>GoldenCaseDialog</name>
    <message>
        <location filename="../qml/chat/GoldenCaseDialog.qml" line="21"/>
        <source>Save turn as a golden case</source>
        <translation>Zug als Referenzfall speichern</translation>
    </message>
    <message>
        <location filename="../qml/chat/GoldenCaseDialog.qml" line="44"/>
        <source>Set file</source>
        <translation>Satzdatei</translation>
    </message>
    <message>
        <location filename="../qml/chat/GoldenCaseDialog.qml" line="57"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location filename="../qml/chat/GoldenCaseDialog.qml" line="68"/>
        <source>Case id</source>
        <translation>Fall-ID</translation>
    </message>
    <message>
        <location filename="../qml/chat/GoldenCaseDialog.qml" line="77"/>
        <source>Task type</source>
        <translation>Aufgabentyp</translation>
    </message>
    <message>
        <location filename="../qml/chat/GoldenCaseDialog.qml" line="87"/>
        <source>Conversation</source>
        <translation>Gespräch</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/chat/GoldenCaseDialog.qml" line="92"/>
        <source>%n user turn(s); the last: “%1”</source>
        <translation>
            <numerusform>%n Nutzerzug; der letzte: „%1“</numerusform>
            <numerusform>%n Nutzerzüge; der letzte: „%1“</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/chat/GoldenCaseDialog.qml" line="101"/>
        <source>Answer</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <location filename="../qml/chat/GoldenCaseDialog.qml" line="114"/>
        <source>A good answer</source>
        <translation>Eine gute Antwort</translation>
    </message>
    <message>
        <location filename="../qml/chat/GoldenCaseDialog.qml" line="127"/>
        <source>Contains</source>
        <translation>Enthält</translation>
    </message>
    <message>
        <location filename="../qml/chat/GoldenCaseDialog.qml" line="127"/>
        <source>Equals</source>
        <translation>Gleicht</translation>
    </message>
    <message>
        <location filename="../qml/chat/GoldenCaseDialog.qml" line="143"/>
        <source>Pattern</source>
        <translation>Muster</translation>
    </message>
    <message>
        <location filename="../qml/chat/GoldenCaseDialog.qml" line="158"/>
        <source>JSON Schema</source>
        <translation>JSON-Schema</translation>
    </message>
    <message>
        <location filename="../qml/chat/GoldenCaseDialog.qml" line="174"/>
        <source>Rubric</source>
        <translation>Bewertungsraster</translation>
    </message>
    <message>
        <location filename="../qml/chat/GoldenCaseDialog.qml" line="199"/>
        <source>Golden set to add the case to</source>
        <translation>Referenzsatz, dem der Fall hinzugefügt wird</translation>
    </message>
    <message>
        <location filename="../qml/chat/GoldenCaseDialog.qml" line="202"/>
        <source>Golden sets (*.jsonl)</source>
        <translation>Referenzsätze (*.jsonl)</translation>
    </message>
</context>
<context>
    <name>GoldenSetEditor</name>
    <message numerus="yes">
        <location filename="../qml/evaluate/GoldenSetEditor.qml" line="89"/>
        <source>%n case(s), %1 with a problem</source>
        <translation>
            <numerusform>%n Fall, %1 mit einem Problem</numerusform>
            <numerusform>%n Fälle, %1 mit einem Problem</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/evaluate/GoldenSetEditor.qml" line="90"/>
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n Fall</numerusform>
            <numerusform>%n Fälle</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/evaluate/GoldenSetEditor.qml" line="96"/>
        <source>New set</source>
        <translation>Neuer Satz</translation>
    </message>
    <message>
        <location filename="../qml/evaluate/GoldenSetEditor.qml" line="100"/>
        <source>Open…</source>
        <translation>Öffnen…</translation>
    </message>
    <message>
        <location filename="../qml/evaluate/GoldenSetEditor.qml" line="105"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location filename="../qml/evaluate/GoldenSetEditor.qml" line="110"/>
        <source>Save as…</source>
        <translation>Speichern unter…</translation>
    </message>
    <message>
        <location filename="../qml/evaluate/GoldenSetEditor.qml" line="117"/>
        <source>Undo %1</source>
        <translation>%1 rückgängig machen</translation>
    </message>
    <message>
        <location filename="../qml/evaluate/GoldenSetEditor.qml" line="124"/>
        <source>Redo %1</source>
        <translation>%1 wiederholen</translation>
    </message>
    <message>
        <location filename="../qml/evaluate/GoldenSetEditor.qml" line="129"/>
        <source>Run this set</source>
        <translation>Diesen Satz ausführen</translation>
    </message>
    <message>
        <location filename="../qml/evaluate/GoldenSetEditor.qml" line="222"/>
        <source>Add case</source>
        <translation>Fall hinzufügen</translation>
    </message>
    <message>
        <location filename="../qml/evaluate/GoldenSetEditor.qml" line="226"/>
        <source>Duplicate</source>
        <translation>Duplizieren</translation>
    </message>
    <message>
        <location filename="../qml/evaluate/GoldenSetEditor.qml" line="231"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../qml/evaluate/GoldenSetEditor.qml" line="257"/>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../qml/evaluate/GoldenSetEditor.qml" line="266"/>
        <source>Task type</source>
        <translation>Aufgabentyp</translation>
    </message>
    <message>
        <location filename="../qml/evaluate/GoldenSetEditor.qml" line="271"/>
        <source>maths, writing, extraction, …</source>
        <translation>Mathematik, Schreiben, Extraktion, …</translation>
    </message>
    <message>
        <location filename="../qml/evaluate/GoldenSetEditor.qml" line="277"/>
        <source>User turns</source>
        <translation>Nutzerzüge</translation>
    </message>
    <message>
        <location filename="../qml/evaluate/GoldenSetEditor.qml" line="304"/>
        <source>What the user said</source>
        <translation>Was der Nutzer gesagt hat</translation>
    </message>
    <message>
        <location filename="../qml/evaluate/GoldenSetEditor.qml" line="313"/>
        <source>Remove this turn</source>
        <translation>Diesen Zug entfernen</translation>
    </message>
    <message>
        <location filename="../qml/evaluate/GoldenSetEditor.qml" line="323"/>
        <source>Add a turn</source>
        <translation>Zug hinzufügen</translation>
    </message>
    <message>
        <location filename="../qml/evaluate/GoldenSetEditor.qml" line="328"/>
        <source>A good answer</source>
        <translation>Eine gute Antwort</translation>
    </message>
    <message>
        <location filename="../qml/evaluate/GoldenSetEditor.qml" line="339"/>
        <source>equals the value exactly</source>
        <translation>gleicht dem Wert genau</translation>
    </message>
    <message>
        <location filename="../qml/evaluate/GoldenSetEditor.qml" line="340"/>
        <source>equals the value (case and punctuation ignored)</source>
        <translation>gleicht dem Wert (ohne Groß-/Kleinschreibung und Satzzeichen)</translation>
    </message>
    <message>
        <location filename="../qml/evaluate/GoldenSetEditor.qml" line="341"/>
        <source>ends with the number (maths)</source>
        <translation>endet mit der Zahl (Mathematik)</translation>
    </message>
    <message>
        <location filename="../qml/evaluate/GoldenSetEditor.qml" line="342"/>
        <source>contains the value</source>
        <translation>enthält den Wert</translation>
    </message>
    <message>
        <location filename="../qml/evaluate/GoldenSetEditor.qml" line="343"/>
        <source>matches the regular expression</source>
        <translation>passt auf den regulären Ausdruck</translation>
    </message>
    <message>
        <location filename="../qml/evaluate/GoldenSetEditor.qml" line="344"/>
        <source>is JSON satisfying the schema</source>
        <translation>ist JSON, das dem Schema genügt</translation>
    </message>
    <message>
        <location filename="../qml/evaluate/GoldenSetEditor.qml" line="345"/>
        <source>a judge model rates it by the rubric</source>
        <translation>ein Richtermodell bewertet sie nach dem Raster</translation>
    </message>
    <message>
        <location filename="../qml/evaluate/GoldenSetEditor.qml" line="346"/>
        <source>the recorded label</source>
        <translation>die aufgezeichnete Bewertung</translation>
    </message>
    <message>
        <location filename="../qml/evaluate/GoldenSetEditor.qml" line="347"/>
        <source>is the answer the user preferred</source>
        <translation>ist die Antwort, die der Nutzer vorzog</translation>
    </message>
    <message>
        <location filename="../qml/evaluate/GoldenSetEditor.qml" line="353"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location filename="../qml/evaluate/GoldenSetEditor.qml" line="366"/>
        <source>Pattern</source>
        <translation>Muster</translation>
    </message>
    <message>
        <location filename="../qml/evaluate/GoldenSetEditor.qml" line="374"/>
        <source>a regular expression, case-insensitive</source>
        <translation>ein regulärer Ausdruck, ohne Groß-/Kleinschreibung</translation>
    </message>
    <message>
        <location filename="../qml/evaluate/GoldenSetEditor.qml" line="382"/>
        <source>JSON Schema</source>
        <translation>JSON-Schema</translation>
    </message>
    <message>
        <location filename="../qml/evaluate/GoldenSetEditor.qml" line="398"/>
        <source>Rubric</source>
        <translation>Bewertungsraster</translation>
    </message>
    <message>
        <location filename="../qml/evaluate/GoldenSetEditor.qml" line="406"/>
        <source>What the judge model checks, and how it scores</source>
        <translation>Was das Richtermodell prüft und wie es bewertet</translation>
    </message>
    <message>
        <location filename="../qml/evaluate/GoldenSetEditor.qml" line="412"/>
        <source>Preferred</source>
        <translation>Bevorzugt</translation>
    </message>
    <message>
        <location filename="../qml/evaluate/GoldenSetEditor.qml" line="425"/>
        <source>Goal</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <location filename="../qml/evaluate/GoldenSetEditor.qml" line="430"/>
        <source>what the first answer must capture (optional)</source>
        <translation>was die erste Antwort erfassen muss (optional)</translation>
    </message>
    <message>
        <location filename="../qml/evaluate/GoldenSetEditor.qml" line="436"/>
        <source>Constraints</source>
        <translation>Vorgaben</translation>
    </message>
    <message>
        <location filename="../qml/evaluate/GoldenSetEditor.qml" line="444"/>
        <source>one regular expression a line; every answer should match</source>
        <translation>ein regulärer Ausdruck pro Zeile; jede Antwort sollte passen</translation>
    </message>
    <message>
        <location filename="../qml/evaluate/GoldenSetEditor.qml" line="451"/>
        <source>Recorded</source>
        <translation>Aufgezeichnet</translation>
    </message>
    <message>
        <location filename="../qml/evaluate/GoldenSetEditor.qml" line="457"/>
        <source>answers of %1 (replayed when the set runs)</source>
        <translation>Antworten von %1 (werden beim Ausführen des Satzes abgespielt)</translation>
    </message>
    <message>
        <location filename="../qml/evaluate/GoldenSetEditor.qml" line="476"/>
        <source>No case selected. Add a case, or open a set (generic JSONL).</source>
        <translation>Kein Fall gewählt. Einen Fall hinzufügen oder einen Satz öffnen (generisches JSONL).</translation>
    </message>
    <message>
        <location filename="../qml/evaluate/GoldenSetEditor.qml" line="488"/>
        <source>Open a golden set</source>
        <translation>Referenzsatz öffnen</translation>
    </message>
    <message>
        <location filename="../qml/evaluate/GoldenSetEditor.qml" line="489"/>
        <location filename="../qml/evaluate/GoldenSetEditor.qml" line="498"/>
        <source>Golden sets (*.jsonl)</source>
        <translation>Referenzsätze (*.jsonl)</translation>
    </message>
    <message>
        <location filename="../qml/evaluate/GoldenSetEditor.qml" line="489"/>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../qml/evaluate/GoldenSetEditor.qml" line="495"/>
        <source>Save the golden set</source>
        <translation>Referenzsatz speichern</translation>
    </message>
</context>
<context>
    <name>Graph</name>
    <message>
        <location filename="../src/app/document/laddernames.cpp" line="55"/>
        <source>goal change</source>
        <translation>Zieländerung</translation>
    </message>
    <message>
        <location filename="../src/app/document/laddernames.cpp" line="56"/>
        <source>constraint conflict</source>
        <translation>Vorgabenkonflikt</translation>
    </message>
    <message>
        <location filename="../src/app/document/laddernames.cpp" line="57"/>
        <source>missing info</source>
        <translation>fehlende Angaben</translation>
    </message>
    <message>
        <location filename="../src/app/document/laddernames.cpp" line="58"/>
        <source>high stakes</source>
        <translation>hohe Tragweite</translation>
    </message>
    <message>
        <location filename="../src/app/document/laddernames.cpp" line="59"/>
        <source>deep debugging</source>
        <translation>tiefe Fehlersuche</translation>
    </message>
    <message>
        <location filename="../src/app/document/laddernames.cpp" line="60"/>
        <source>classification</source>
        <translation>Klassifizierung</translation>
    </message>
    <message>
        <location filename="../src/app/document/laddernames.cpp" line="61"/>
        <source>manual pick</source>
        <translation>manuelle Wahl</translation>
    </message>
    <message>
        <location filename="../src/app/document/laddernames.cpp" line="62"/>
        <source>budget exceeded</source>
        <translation>Budget überschritten</translation>
    </message>
    <message>
        <location filename="../src/app/document/laddernames.cpp" line="63"/>
        <source>needs strong</source>
        <translation>braucht stark</translation>
    </message>
    <message>
        <location filename="../src/app/document/laddernames.cpp" line="70"/>
        <source>escalate tool</source>
        <translation>Eskalations-Werkzeug</translation>
    </message>
    <message>
        <location filename="../src/app/document/laddernames.cpp" line="71"/>
        <source>refusal</source>
        <translation>Ablehnung</translation>
    </message>
    <message>
        <location filename="../src/app/document/laddernames.cpp" line="72"/>
        <source>low confidence</source>
        <translation>geringe Zuversicht</translation>
    </message>
    <message>
        <location filename="../src/app/document/laddernames.cpp" line="73"/>
        <source>empty answer</source>
        <translation>leere Antwort</translation>
    </message>
    <message>
        <location filename="../src/app/document/laddernames.cpp" line="74"/>
        <source>format violation</source>
        <translation>Formatverstoß</translation>
    </message>
    <message>
        <location filename="../src/app/document/laddernames.cpp" line="75"/>
        <source>self-check failed</source>
        <translation>Selbstprüfung fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../src/app/document/laddernames.cpp" line="82"/>
        <source>rate limit</source>
        <translation>Ratenlimit</translation>
    </message>
    <message>
        <location filename="../src/app/document/laddernames.cpp" line="83"/>
        <source>quota exhausted</source>
        <translation>Kontingent erschöpft</translation>
    </message>
    <message>
        <location filename="../src/app/document/laddernames.cpp" line="84"/>
        <source>unavailable</source>
        <translation>nicht verfügbar</translation>
    </message>
    <message>
        <location filename="../src/app/document/laddernames.cpp" line="85"/>
        <source>timeout</source>
        <translation>Zeitüberschreitung</translation>
    </message>
    <message>
        <location filename="../src/app/document/laddernames.cpp" line="86"/>
        <source>auth error</source>
        <translation>Anmeldefehler</translation>
    </message>
    <message>
        <location filename="../src/app/document/laddernames.cpp" line="87"/>
        <source>bad request</source>
        <translation>ungültige Anfrage</translation>
    </message>
    <message>
        <location filename="../src/app/document/laddernames.cpp" line="88"/>
        <source>network error</source>
        <translation>Netzwerkfehler</translation>
    </message>
    <message>
        <location filename="../src/app/document/laddernames.cpp" line="89"/>
        <source>protocol error</source>
        <translation>Protokollfehler</translation>
    </message>
    <message>
        <location filename="../src/app/document/laddernames.cpp" line="90"/>
        <source>truncated</source>
        <translation>abgeschnitten</translation>
    </message>
    <message>
        <location filename="../src/app/document/laddernames.cpp" line="91"/>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <location filename="../src/app/document/conditionlabels.cpp" line="30"/>
        <source> or </source>
        <translation> oder </translation>
    </message>
    <message>
        <location filename="../src/app/document/conditionlabels.cpp" line="33"/>
        <source>after 1 turn</source>
        <translation>nach 1 Zug</translation>
    </message>
    <message>
        <location filename="../src/app/document/conditionlabels.cpp" line="33"/>
        <source>after %1 turns</source>
        <translation>nach %1 Zügen</translation>
    </message>
    <message>
        <location filename="../src/app/document/conditionlabels.cpp" line="35"/>
        <source>return after 1 turn</source>
        <translation>zurück nach 1 Zug</translation>
    </message>
    <message>
        <location filename="../src/app/document/conditionlabels.cpp" line="36"/>
        <source>return after %1 turns</source>
        <translation>zurück nach %1 Zügen</translation>
    </message>
    <message>
        <location filename="../src/app/document/conditionlabels.cpp" line="41"/>
        <source>label %1</source>
        <translation>Etikett %1</translation>
    </message>
    <message>
        <location filename="../src/app/document/conditionlabels.cpp" line="46"/>
        <source>on signal</source>
        <translation>bei Signal</translation>
    </message>
    <message>
        <location filename="../src/app/document/conditionlabels.cpp" line="47"/>
        <location filename="../src/app/document/conditionlabels.cpp" line="67"/>
        <source>on %1</source>
        <translation>bei %1</translation>
    </message>
    <message>
        <location filename="../src/app/document/conditionlabels.cpp" line="53"/>
        <source>confidence &lt; %1</source>
        <translation>Zuversicht &lt; %1</translation>
    </message>
    <message>
        <location filename="../src/app/document/conditionlabels.cpp" line="55"/>
        <source>on refusal</source>
        <translation>bei Ablehnung</translation>
    </message>
    <message>
        <location filename="../src/app/document/conditionlabels.cpp" line="59"/>
        <source>after answer</source>
        <translation>nach der Antwort</translation>
    </message>
    <message>
        <location filename="../src/app/document/conditionlabels.cpp" line="66"/>
        <source>on failure</source>
        <translation>bei Fehler</translation>
    </message>
</context>
<context>
    <name>GraphCanvas</name>
    <message>
        <location filename="../qml/editor/GraphCanvas.qml" line="164"/>
        <source>Ladder graph</source>
        <translation>Leitergraph</translation>
    </message>
    <message>
        <location filename="../qml/editor/GraphCanvas.qml" line="493"/>
        <source>Move transition source</source>
        <translation>Übergangsquelle verschieben</translation>
    </message>
    <message>
        <location filename="../qml/editor/GraphCanvas.qml" line="494"/>
        <source>Move transition target</source>
        <translation>Übergangsziel verschieben</translation>
    </message>
    <message>
        <location filename="../qml/editor/GraphCanvas.qml" line="570"/>
        <source>Zoom out</source>
        <translation>Verkleinern</translation>
    </message>
    <message>
        <location filename="../qml/editor/GraphCanvas.qml" line="577"/>
        <source>Actual size</source>
        <translation>Originalgröße</translation>
    </message>
    <message>
        <location filename="../qml/editor/GraphCanvas.qml" line="582"/>
        <source>Zoom in</source>
        <translation>Vergrößern</translation>
    </message>
    <message>
        <location filename="../qml/editor/GraphCanvas.qml" line="586"/>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <location filename="../qml/editor/GraphCanvas.qml" line="609"/>
        <source>Add Tier Here</source>
        <translation>Stufe hier hinzufügen</translation>
    </message>
    <message>
        <location filename="../qml/editor/GraphCanvas.qml" line="614"/>
        <source>Add Detector Here</source>
        <translation>Detektor hier hinzufügen</translation>
    </message>
    <message>
        <location filename="../qml/editor/GraphCanvas.qml" line="619"/>
        <source>Add Classifier Here</source>
        <translation>Klassifikator hier hinzufügen</translation>
    </message>
    <message>
        <location filename="../qml/editor/GraphCanvas.qml" line="625"/>
        <source>Paste Here</source>
        <translation>Hier einfügen</translation>
    </message>
    <message>
        <location filename="../qml/editor/GraphCanvas.qml" line="630"/>
        <source>Select All</source>
        <translation>Alles auswählen</translation>
    </message>
    <message>
        <location filename="../qml/editor/GraphCanvas.qml" line="635"/>
        <source>Auto-Layout</source>
        <translation>Automatisch anordnen</translation>
    </message>
    <message>
        <location filename="../qml/editor/GraphCanvas.qml" line="639"/>
        <source>Fit to View</source>
        <translation>In Ansicht einpassen</translation>
    </message>
    <message>
        <location filename="../qml/editor/GraphCanvas.qml" line="650"/>
        <source>Delete Transition</source>
        <translation>Übergang löschen</translation>
    </message>
</context>
<context>
    <name>InsightsView</name>
    <message>
        <location filename="../qml/insights/InsightsView.qml" line="64"/>
        <source>Insights</source>
        <translation>Einblicke</translation>
    </message>
    <message>
        <location filename="../qml/insights/InsightsView.qml" line="69"/>
        <source>Chat session</source>
        <translation>Chat-Sitzung</translation>
    </message>
    <message>
        <location filename="../qml/insights/InsightsView.qml" line="69"/>
        <source>Comparison</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <location filename="../qml/insights/InsightsView.qml" line="75"/>
        <source>Nothing to chart yet.</source>
        <translation>Noch nichts darzustellen.</translation>
    </message>
    <message>
        <location filename="../qml/insights/InsightsView.qml" line="81"/>
        <source>Save as PNG…</source>
        <translation>Als PNG speichern…</translation>
    </message>
    <message>
        <location filename="../qml/insights/InsightsView.qml" line="112"/>
        <source>%1 · turn %2 · %3</source>
        <translation>%1 · Zug %2 · %3</translation>
    </message>
    <message>
        <location filename="../qml/insights/InsightsView.qml" line="122"/>
        <source>Cumulative cost per turn</source>
        <translation>Kumulierte Kosten pro Zug</translation>
    </message>
    <message>
        <location filename="../qml/insights/InsightsView.qml" line="138"/>
        <source>Turn</source>
        <translation>Zug</translation>
    </message>
    <message>
        <location filename="../qml/insights/InsightsView.qml" line="146"/>
        <source>Cost (USD)</source>
        <translation>Kosten (USD)</translation>
    </message>
    <message>
        <location filename="../qml/insights/InsightsView.qml" line="157"/>
        <source>TTFT (ms)</source>
        <translation>TTFT (ms)</translation>
    </message>
    <message>
        <location filename="../qml/insights/InsightsView.qml" line="160"/>
        <source>Total latency (ms)</source>
        <translation>Gesamtlatenz (ms)</translation>
    </message>
    <message>
        <location filename="../qml/insights/InsightsView.qml" line="170"/>
        <source>TTFT median %1 ms</source>
        <translation>TTFT-Median %1 ms</translation>
    </message>
    <message>
        <location filename="../qml/insights/InsightsView.qml" line="172"/>
        <source>Latency median %1 ms</source>
        <translation>Latenz-Median %1 ms</translation>
    </message>
    <message>
        <location filename="../qml/insights/InsightsView.qml" line="177"/>
        <source>Latency distribution</source>
        <translation>Latenzverteilung</translation>
    </message>
    <message>
        <location filename="../qml/insights/InsightsView.qml" line="192"/>
        <source>Milliseconds</source>
        <translation>Millisekunden</translation>
    </message>
    <message>
        <location filename="../qml/insights/InsightsView.qml" line="203"/>
        <location filename="../qml/insights/InsightsView.qml" line="233"/>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <location filename="../qml/insights/InsightsView.qml" line="213"/>
        <source>%1: %2 tokens</source>
        <translation>%1: %2 Tokens</translation>
    </message>
    <message>
        <location filename="../qml/insights/InsightsView.qml" line="218"/>
        <source>Tokens by tier (input + output)</source>
        <translation>Tokens nach Stufe (Eingabe + Ausgabe)</translation>
    </message>
    <message>
        <location filename="../qml/insights/InsightsView.qml" line="248"/>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <location filename="../qml/insights/InsightsView.qml" line="250"/>
        <source>Escalations</source>
        <translation>Eskalationen</translation>
    </message>
    <message>
        <location filename="../qml/insights/InsightsView.qml" line="252"/>
        <source>Fallbacks</source>
        <translation>Ausweichungen</translation>
    </message>
    <message>
        <location filename="../qml/insights/InsightsView.qml" line="254"/>
        <source>Retries</source>
        <translation>Wiederholungen</translation>
    </message>
    <message>
        <location filename="../qml/insights/InsightsView.qml" line="256"/>
        <source>Failed turns</source>
        <translation>Fehlgeschlagene Züge</translation>
    </message>
    <message>
        <location filename="../qml/insights/InsightsView.qml" line="261"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../qml/insights/InsightsView.qml" line="266"/>
        <source>Escalations and fallbacks</source>
        <translation>Eskalationen und Ausweichungen</translation>
    </message>
    <message>
        <location filename="../qml/insights/InsightsView.qml" line="283"/>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <location filename="../qml/insights/InsightsView.qml" line="314"/>
        <source>Save Charts as PNG</source>
        <translation>Diagramme als PNG speichern</translation>
    </message>
    <message>
        <location filename="../qml/insights/InsightsView.qml" line="317"/>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <location filename="../qml/editor/Inspector.qml" line="38"/>
        <source>Tier</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <location filename="../qml/editor/Inspector.qml" line="40"/>
        <source>Transition</source>
        <translation>Übergang</translation>
    </message>
    <message>
        <location filename="../qml/editor/Inspector.qml" line="42"/>
        <source>Detector</source>
        <translation>Detektor</translation>
    </message>
    <message>
        <location filename="../qml/editor/Inspector.qml" line="44"/>
        <source>Memory &amp; history</source>
        <translation>Gedächtnis &amp; Verlauf</translation>
    </message>
    <message>
        <location filename="../qml/editor/Inspector.qml" line="46"/>
        <source>%1 elements selected</source>
        <translation>%1 Elemente ausgewählt</translation>
    </message>
    <message>
        <location filename="../qml/editor/Inspector.qml" line="48"/>
        <source>Ladder</source>
        <translation>Leiter</translation>
    </message>
    <message>
        <location filename="../qml/editor/Inspector.qml" line="145"/>
        <source>Align the selected nodes, duplicate them (Ctrl+D), copy them to another ladder (Ctrl+C) or delete them (Delete).</source>
        <translation>Ausgewählte Knoten ausrichten, duplizieren (Strg+D), in eine andere Leiter kopieren (Strg+C) oder löschen (Entf).</translation>
    </message>
    <message>
        <location filename="../qml/editor/Inspector.qml" line="154"/>
        <source>Left</source>
        <translation>Links</translation>
    </message>
    <message>
        <location filename="../qml/editor/Inspector.qml" line="159"/>
        <source>Centre</source>
        <translation>Mitte</translation>
    </message>
    <message>
        <location filename="../qml/editor/Inspector.qml" line="164"/>
        <source>Right</source>
        <translation>Rechts</translation>
    </message>
    <message>
        <location filename="../qml/editor/Inspector.qml" line="169"/>
        <source>Top</source>
        <translation>Oben</translation>
    </message>
    <message>
        <location filename="../qml/editor/Inspector.qml" line="174"/>
        <source>Middle</source>
        <translation>Mittig</translation>
    </message>
    <message>
        <location filename="../qml/editor/Inspector.qml" line="179"/>
        <source>Bottom</source>
        <translation>Unten</translation>
    </message>
    <message>
        <location filename="../src/app/document/ladderinspector.cpp" line="25"/>
        <source>Untrained: raises nothing until trained.</source>
        <translation>Untrainiert: löst nichts aus, bis er trainiert ist.</translation>
    </message>
    <message>
        <location filename="../src/app/document/ladderinspector.cpp" line="27"/>
        <source>Trained on %1 turns of %2 (%3 need the strong tier) · %4 weights</source>
        <translation>Trainiert mit %1 Zügen aus %2 (%3 brauchen die starke Stufe) · %4 Gewichte</translation>
    </message>
    <message>
        <location filename="../src/app/document/ladderinspector.cpp" line="40"/>
        <source>Held out (%1-fold): AUC %2; at threshold %3: %4 % strong calls, quality %5 (cheap %6, strong %7)</source>
        <translation>Zurückgehalten (%1-fach): AUC %2; bei Schwelle %3: %4 % starke Aufrufe, Qualität %5 (günstig %6, stark %7)</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/shell/Main.qml" line="103"/>
        <source>&amp;New Ladder</source>
        <translation>&amp;Neue Leiter</translation>
    </message>
    <message>
        <location filename="../qml/shell/Main.qml" line="110"/>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen …</translation>
    </message>
    <message>
        <location filename="../qml/shell/Main.qml" line="117"/>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <location filename="../qml/shell/Main.qml" line="125"/>
        <source>Save &amp;As…</source>
        <translation>Speichern &amp;unter …</translation>
    </message>
    <message>
        <location filename="../qml/shell/Main.qml" line="132"/>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <location filename="../qml/shell/Main.qml" line="139"/>
        <source>Ser&amp;ve This Ladder…</source>
        <translation>&amp;Leiter bereitstellen…</translation>
    </message>
    <message>
        <location filename="../qml/shell/Main.qml" line="148"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../qml/shell/Main.qml" line="155"/>
        <source>&amp;Undo %1</source>
        <translation>&amp;Rückgängig: %1</translation>
    </message>
    <message>
        <location filename="../qml/shell/Main.qml" line="155"/>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <location filename="../qml/shell/Main.qml" line="163"/>
        <source>&amp;Redo %1</source>
        <translation>&amp;Wiederholen: %1</translation>
    </message>
    <message>
        <location filename="../qml/shell/Main.qml" line="163"/>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <location filename="../qml/shell/Main.qml" line="176"/>
        <source>Cu&amp;t</source>
        <translation>&amp;Ausschneiden</translation>
    </message>
    <message>
        <location filename="../qml/shell/Main.qml" line="184"/>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <location filename="../qml/shell/Main.qml" line="192"/>
        <source>&amp;Paste</source>
        <translation>&amp;Einfügen</translation>
    </message>
    <message>
        <location filename="../qml/shell/Main.qml" line="203"/>
        <source>&amp;Duplicate</source>
        <translation>&amp;Duplizieren</translation>
    </message>
    <message>
        <location filename="../qml/shell/Main.qml" line="211"/>
        <source>De&amp;lete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <location filename="../qml/shell/Main.qml" line="219"/>
        <source>Select &amp;All</source>
        <translation>&amp;Alles auswählen</translation>
    </message>
    <message>
        <location filename="../qml/shell/Main.qml" line="227"/>
        <source>Auto-&amp;Layout</source>
        <translation>Automatisch an&amp;ordnen</translation>
    </message>
    <message>
        <location filename="../qml/shell/Main.qml" line="235"/>
        <source>&amp;Fit to View</source>
        <translation>In Ansicht &amp;einpassen</translation>
    </message>
    <message>
        <location filename="../qml/shell/Main.qml" line="243"/>
        <source>Actual &amp;Size</source>
        <translation>&amp;Originalgröße</translation>
    </message>
    <message>
        <location filename="../qml/shell/Main.qml" line="251"/>
        <source>Zoom &amp;In</source>
        <translation>&amp;Vergrößern</translation>
    </message>
    <message>
        <location filename="../qml/shell/Main.qml" line="259"/>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <location filename="../qml/shell/Main.qml" line="277"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../qml/shell/Main.qml" line="285"/>
        <source>New from &amp;Template</source>
        <translation>Neu aus &amp;Vorlage</translation>
    </message>
    <message>
        <location filename="../qml/shell/Main.qml" line="302"/>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location filename="../qml/shell/Main.qml" line="317"/>
        <source>Clear Recent Files</source>
        <translation>Liste leeren</translation>
    </message>
    <message>
        <location filename="../qml/shell/Main.qml" line="340"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location filename="../qml/shell/Main.qml" line="369"/>
        <source>&amp;Align</source>
        <translation>&amp;Ausrichten</translation>
    </message>
    <message>
        <location filename="../qml/shell/Main.qml" line="373"/>
        <source>Left Edges</source>
        <translation>Linke Kanten</translation>
    </message>
    <message>
        <location filename="../qml/shell/Main.qml" line="377"/>
        <source>Horizontal Centres</source>
        <translation>Horizontale Mitten</translation>
    </message>
    <message>
        <location filename="../qml/shell/Main.qml" line="381"/>
        <source>Right Edges</source>
        <translation>Rechte Kanten</translation>
    </message>
    <message>
        <location filename="../qml/shell/Main.qml" line="385"/>
        <source>Top Edges</source>
        <translation>Obere Kanten</translation>
    </message>
    <message>
        <location filename="../qml/shell/Main.qml" line="389"/>
        <source>Vertical Centres</source>
        <translation>Vertikale Mitten</translation>
    </message>
    <message>
        <location filename="../qml/shell/Main.qml" line="393"/>
        <source>Bottom Edges</source>
        <translation>Untere Kanten</translation>
    </message>
    <message>
        <location filename="../qml/shell/Main.qml" line="402"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../qml/shell/Main.qml" line="418"/>
        <source>Snap to &amp;Grid</source>
        <translation>Am &amp;Raster ausrichten</translation>
    </message>
    <message>
        <location filename="../qml/shell/Main.qml" line="424"/>
        <source>&amp;Dark Theme</source>
        <translation>&amp;Dunkles Design</translation>
    </message>
    <message>
        <location filename="../qml/shell/Main.qml" line="505"/>
        <source>Open Ladder</source>
        <translation>Leiter öffnen</translation>
    </message>
    <message>
        <location filename="../qml/shell/Main.qml" line="506"/>
        <location filename="../qml/shell/Main.qml" line="517"/>
        <source>Ladder files (*.json)</source>
        <translation>Leiterdateien (*.json)</translation>
    </message>
    <message>
        <location filename="../qml/shell/Main.qml" line="506"/>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../qml/shell/Main.qml" line="514"/>
        <source>Save Ladder As</source>
        <translation>Leiter speichern unter</translation>
    </message>
    <message>
        <location filename="../qml/shell/Main.qml" line="531"/>
        <source>Save changes?</source>
        <translation>Änderungen speichern?</translation>
    </message>
    <message>
        <location filename="../qml/shell/Main.qml" line="543"/>
        <source>“%1” has changes that are not saved. Save them before continuing?</source>
        <translation>„%1“ enthält ungespeicherte Änderungen. Vor dem Fortfahren speichern?</translation>
    </message>
    <message>
        <location filename="../qml/shell/Main.qml" line="554"/>
        <source>Recover unsaved work?</source>
        <translation>Ungespeicherte Arbeit wiederherstellen?</translation>
    </message>
    <message>
        <location filename="../qml/shell/Main.qml" line="562"/>
        <source>Ladder Studio did not close properly last time. An autosaved copy of the ladder you were editing is available.</source>
        <translation>Ladder Studio wurde beim letzten Mal nicht ordnungsgemäß beendet. Eine automatisch gespeicherte Kopie der bearbeiteten Leiter ist verfügbar.</translation>
    </message>
</context>
<context>
    <name>MemoryInspector</name>
    <message>
        <location filename="../qml/editor/MemoryInspector.qml" line="23"/>
        <source>Inject memory</source>
        <translation>Gedächtnis einfügen</translation>
    </message>
    <message>
        <location filename="../src/app/document/laddernames.cpp" line="128"/>
        <source>When the tier changes</source>
        <translation>Beim Stufenwechsel</translation>
    </message>
    <message>
        <location filename="../src/app/document/laddernames.cpp" line="130"/>
        <source>Every turn</source>
        <translation>In jedem Zug</translation>
    </message>
    <message>
        <location filename="../src/app/document/laddernames.cpp" line="132"/>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <location filename="../qml/editor/MemoryInspector.qml" line="35"/>
        <source>Refresh memory</source>
        <translation>Gedächtnis aktualisieren</translation>
    </message>
    <message>
        <location filename="../src/app/document/laddernames.cpp" line="141"/>
        <source>Scaffold (strong tiers emit a handoff block)</source>
        <translation>Gerüst (starke Stufen liefern einen Übergabeblock)</translation>
    </message>
    <message>
        <location filename="../src/app/document/laddernames.cpp" line="144"/>
        <source>Summarize (a summarising call)</source>
        <translation>Zusammenfassen (ein eigener Aufruf)</translation>
    </message>
    <message>
        <location filename="../src/app/document/laddernames.cpp" line="146"/>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <location filename="../qml/editor/MemoryInspector.qml" line="47"/>
        <source>Budget (tokens)</source>
        <translation>Budget (Tokens)</translation>
    </message>
    <message>
        <location filename="../qml/editor/MemoryInspector.qml" line="59"/>
        <source>Fields kept (none checked: all)</source>
        <translation>Behaltene Felder (keins markiert: alle)</translation>
    </message>
    <message>
        <location filename="../qml/editor/MemoryInspector.qml" line="81"/>
        <source>History the next tier sees</source>
        <translation>Verlauf, den die nächste Stufe sieht</translation>
    </message>
    <message>
        <location filename="../src/app/document/laddernames.cpp" line="155"/>
        <source>Full history</source>
        <translation>Gesamter Verlauf</translation>
    </message>
    <message>
        <location filename="../src/app/document/laddernames.cpp" line="157"/>
        <source>Clean handoff</source>
        <translation>Saubere Übergabe</translation>
    </message>
    <message>
        <location filename="../src/app/document/laddernames.cpp" line="160"/>
        <source>Memory + last k turns</source>
        <translation>Gedächtnis + letzte k Züge</translation>
    </message>
    <message>
        <location filename="../qml/editor/MemoryInspector.qml" line="94"/>
        <source>Last k turns</source>
        <translation>Letzte k Züge</translation>
    </message>
</context>
<context>
    <name>MemoryPanel</name>
    <message>
        <location filename="../qml/chat/MemoryPanel.qml" line="61"/>
        <source>Handoff memory</source>
        <translation>Übergabegedächtnis</translation>
    </message>
    <message>
        <location filename="../qml/chat/MemoryPanel.qml" line="68"/>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <location filename="../qml/chat/MemoryPanel.qml" line="73"/>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <location filename="../qml/chat/MemoryPanel.qml" line="81"/>
        <source>Version %1 by %2</source>
        <translation>Version %1 von %2</translation>
    </message>
    <message>
        <location filename="../qml/chat/MemoryPanel.qml" line="82"/>
        <source>Empty: the strong tier writes it at the first handoff.</source>
        <translation>Leer: Die starke Stufe schreibt es bei der ersten Übergabe.</translation>
    </message>
    <message>
        <location filename="../qml/chat/MemoryPanel.qml" line="98"/>
        <source>%1 / %2 tokens</source>
        <translation>%1 / %2 Tokens</translation>
    </message>
    <message>
        <location filename="../qml/chat/MemoryPanel.qml" line="108"/>
        <source>Over budget: the lowest-priority fields are trimmed when injected.</source>
        <translation>Über dem Budget: Felder mit der niedrigsten Priorität werden beim Einfügen gekürzt.</translation>
    </message>
    <message>
        <location filename="../qml/chat/MemoryPanel.qml" line="121"/>
        <source>Fields</source>
        <translation>Felder</translation>
    </message>
    <message>
        <location filename="../qml/chat/MemoryPanel.qml" line="124"/>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <location filename="../qml/chat/MemoryPanel.qml" line="127"/>
        <source>Turn %1</source>
        <translation>Zug %1</translation>
    </message>
    <message>
        <location filename="../qml/chat/MemoryPanel.qml" line="128"/>
        <source>At turn</source>
        <translation>Bei Zug</translation>
    </message>
    <message>
        <location filename="../qml/chat/MemoryPanel.qml" line="174"/>
        <source>changed</source>
        <translation>geändert</translation>
    </message>
    <message>
        <location filename="../qml/chat/MemoryPanel.qml" line="178"/>
        <source>Apply</source>
        <translation>Übernehmen</translation>
    </message>
    <message>
        <location filename="../qml/chat/MemoryPanel.qml" line="191"/>
        <source>One item per line</source>
        <translation>Ein Eintrag pro Zeile</translation>
    </message>
    <message>
        <location filename="../qml/chat/MemoryPanel.qml" line="235"/>
        <source>v%1 · after turn %2 · %3</source>
        <translation>v%1 · nach Zug %2 · %3</translation>
    </message>
    <message>
        <location filename="../qml/chat/MemoryPanel.qml" line="252"/>
        <source>Diff</source>
        <translation>Diff</translation>
    </message>
    <message>
        <location filename="../qml/chat/MemoryPanel.qml" line="258"/>
        <location filename="../qml/chat/MemoryPanel.qml" line="272"/>
        <source>empty</source>
        <translation>leer</translation>
    </message>
    <message>
        <location filename="../qml/chat/MemoryPanel.qml" line="297"/>
        <source>No differences.</source>
        <translation>Keine Unterschiede.</translation>
    </message>
    <message>
        <location filename="../qml/chat/MemoryPanel.qml" line="365"/>
        <source>Click a turn in the timeline to see the memory as it was then.</source>
        <translation>Klicken Sie auf einen Zug in der Zeitleiste, um das Gedächtnis zu diesem Zeitpunkt zu sehen.</translation>
    </message>
    <message>
        <location filename="../qml/chat/MemoryPanel.qml" line="373"/>
        <source>Injected at turn %1</source>
        <translation>Eingefügt bei Zug %1</translation>
    </message>
    <message>
        <location filename="../qml/chat/MemoryPanel.qml" line="397"/>
        <source>Nothing was injected on this turn.</source>
        <translation>In diesem Zug wurde nichts eingefügt.</translation>
    </message>
    <message>
        <location filename="../qml/chat/MemoryPanel.qml" line="406"/>
        <source>Memory after turn %1 (v%2)</source>
        <translation>Gedächtnis nach Zug %1 (v%2)</translation>
    </message>
</context>
<context>
    <name>NavRail</name>
    <message>
        <location filename="../qml/shell/NavRail.qml" line="26"/>
        <source>Design</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <location filename="../qml/shell/NavRail.qml" line="27"/>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <location filename="../qml/shell/NavRail.qml" line="28"/>
        <source>Compare</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <location filename="../qml/shell/NavRail.qml" line="29"/>
        <source>Insights</source>
        <translation>Einblicke</translation>
    </message>
    <message>
        <location filename="../qml/shell/NavRail.qml" line="30"/>
        <source>Audit</source>
        <translation>Audit</translation>
    </message>
    <message>
        <location filename="../qml/shell/NavRail.qml" line="31"/>
        <source>Evaluate</source>
        <translation>Auswerten</translation>
    </message>
    <message>
        <location filename="../qml/shell/NavRail.qml" line="32"/>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../qml/shell/NavRail.qml" line="55"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
</context>
<context>
    <name>NodeDelegate</name>
    <message>
        <location filename="../qml/editor/NodeDelegate.qml" line="273"/>
        <source>Drag to a tier to add a transition</source>
        <translation>Auf eine Stufe ziehen, um einen Übergang anzulegen</translation>
    </message>
</context>
<context>
    <name>NodePalette</name>
    <message>
        <location filename="../qml/editor/NodePalette.qml" line="25"/>
        <source>Add nodes</source>
        <translation>Knoten hinzufügen</translation>
    </message>
    <message>
        <location filename="../qml/editor/NodePalette.qml" line="34"/>
        <source>Tier</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <location filename="../qml/editor/NodePalette.qml" line="34"/>
        <source>A model slot</source>
        <translation>Ein Modellplatz</translation>
    </message>
    <message>
        <location filename="../qml/editor/NodePalette.qml" line="35"/>
        <source>Detector</source>
        <translation>Detektor</translation>
    </message>
    <message>
        <location filename="../qml/editor/NodePalette.qml" line="36"/>
        <source>Patterns raising a signal</source>
        <translation>Muster lösen ein Signal aus</translation>
    </message>
    <message>
        <location filename="../qml/editor/NodePalette.qml" line="37"/>
        <source>Classifier</source>
        <translation>Klassifikator</translation>
    </message>
    <message>
        <location filename="../qml/editor/NodePalette.qml" line="38"/>
        <source>Routes by task type</source>
        <translation>Leitet nach Aufgabentyp</translation>
    </message>
    <message>
        <location filename="../qml/editor/NodePalette.qml" line="151"/>
        <source>Drag onto the canvas, or click to add in the middle. Drag from a node&apos;s right port to a tier to connect.</source>
        <translation>Auf die Arbeitsfläche ziehen oder klicken, um in der Mitte hinzuzufügen. Vom rechten Anschluss eines Knotens auf eine Stufe ziehen, um zu verbinden.</translation>
    </message>
    <message>
        <location filename="../qml/editor/NodePalette.qml" line="161"/>
        <source>Legend</source>
        <translation>Legende</translation>
    </message>
    <message>
        <location filename="../qml/editor/NodePalette.qml" line="169"/>
        <source>Step after turns</source>
        <translation>Schritt nach Zügen</translation>
    </message>
    <message>
        <location filename="../qml/editor/NodePalette.qml" line="170"/>
        <source>Escalate on signal</source>
        <translation>Eskalation bei Signal</translation>
    </message>
    <message>
        <location filename="../qml/editor/NodePalette.qml" line="171"/>
        <source>Re-answer after reply</source>
        <translation>Neu beantworten nach Antwort</translation>
    </message>
    <message>
        <location filename="../qml/editor/NodePalette.qml" line="172"/>
        <source>Return</source>
        <translation>Rückkehr</translation>
    </message>
    <message>
        <location filename="../qml/editor/NodePalette.qml" line="173"/>
        <source>On failure (fallback)</source>
        <translation>Bei Fehler (Ausweichen)</translation>
    </message>
</context>
<context>
    <name>ProblemsPanel</name>
    <message>
        <location filename="../qml/editor/ProblemsPanel.qml" line="45"/>
        <source>Hide the problems</source>
        <translation>Probleme ausblenden</translation>
    </message>
    <message>
        <location filename="../qml/editor/ProblemsPanel.qml" line="46"/>
        <source>Show the problems</source>
        <translation>Probleme anzeigen</translation>
    </message>
    <message>
        <location filename="../qml/editor/ProblemsPanel.qml" line="50"/>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <location filename="../qml/editor/ProblemsPanel.qml" line="64"/>
        <source>✓ No problems: the ladder is valid</source>
        <translation>✓ Keine Probleme: Die Leiter ist gültig</translation>
    </message>
</context>
<context>
    <name>ProviderCheckRow</name>
    <message>
        <location filename="../qml/settings/ProviderCheckRow.qml" line="48"/>
        <source>not checked</source>
        <translation>nicht geprüft</translation>
    </message>
    <message>
        <location filename="../qml/settings/ProviderCheckRow.qml" line="48"/>
        <source>checking…</source>
        <translation>wird geprüft…</translation>
    </message>
    <message>
        <location filename="../qml/settings/ProviderCheckRow.qml" line="49"/>
        <source>TTFT %1</source>
        <translation>TTFT %1</translation>
    </message>
    <message>
        <location filename="../qml/settings/ProviderCheckRow.qml" line="61"/>
        <source>Check %1</source>
        <translation>%1 prüfen</translation>
    </message>
    <message>
        <location filename="../qml/settings/ProviderCheckRow.qml" line="63"/>
        <source>Check this model</source>
        <translation>Dieses Modell prüfen</translation>
    </message>
</context>
<context>
    <name>ProviderEntry</name>
    <message>
        <location filename="../qml/settings/ProviderEntry.qml" line="56"/>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <location filename="../qml/settings/ProviderEntry.qml" line="74"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../qml/settings/ProviderEntry.qml" line="89"/>
        <source>0: off</source>
        <translation>0: aus</translation>
    </message>
    <message>
        <location filename="../qml/settings/ProviderEntry.qml" line="114"/>
        <source>provider id</source>
        <translation>Anbieter-ID</translation>
    </message>
    <message>
        <location filename="../qml/settings/ProviderEntry.qml" line="115"/>
        <source>Provider id</source>
        <translation>Anbieter-ID</translation>
    </message>
    <message>
        <location filename="../qml/settings/ProviderEntry.qml" line="124"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../qml/settings/ProviderEntry.qml" line="131"/>
        <source>Check</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <location filename="../qml/settings/ProviderEntry.qml" line="137"/>
        <source>Remove provider %1</source>
        <translation>Anbieter %1 entfernen</translation>
    </message>
    <message>
        <location filename="../qml/settings/ProviderEntry.qml" line="139"/>
        <source>Remove this provider</source>
        <translation>Diesen Anbieter entfernen</translation>
    </message>
    <message>
        <location filename="../qml/settings/ProviderEntry.qml" line="152"/>
        <location filename="../qml/settings/ProviderEntry.qml" line="160"/>
        <source>Base URL</source>
        <translation>Basis-URL</translation>
    </message>
    <message>
        <location filename="../qml/settings/ProviderEntry.qml" line="159"/>
        <source>not needed</source>
        <translation>nicht nötig</translation>
    </message>
    <message>
        <location filename="../qml/settings/ProviderEntry.qml" line="165"/>
        <location filename="../qml/settings/ProviderEntry.qml" line="172"/>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <location filename="../qml/settings/ProviderEntry.qml" line="171"/>
        <source>model-a, model-b</source>
        <translation>modell-a, modell-b</translation>
    </message>
    <message>
        <location filename="../qml/settings/ProviderEntry.qml" line="177"/>
        <location filename="../qml/settings/ProviderEntry.qml" line="184"/>
        <source>Prices</source>
        <translation>Preise</translation>
    </message>
    <message>
        <location filename="../qml/settings/ProviderEntry.qml" line="183"/>
        <source>model = input / output [/ cached] USD per 1M tokens; …</source>
        <translation>Modell = Eingabe / Ausgabe [/ zwischengespeichert] USD pro 1 Mio. Tokens; …</translation>
    </message>
    <message>
        <location filename="../qml/settings/ProviderEntry.qml" line="186"/>
        <source>For models the built-in price table lacks. Without a price a model still runs; its cost shows as unknown.</source>
        <translation>Für Modelle, die in der eingebauten Preistabelle fehlen. Ohne Preis läuft ein Modell trotzdem; seine Kosten erscheinen als unbekannt.</translation>
    </message>
    <message>
        <location filename="../qml/settings/ProviderEntry.qml" line="192"/>
        <source>Key variable</source>
        <translation>Schlüsselvariable</translation>
    </message>
    <message>
        <location filename="../qml/settings/ProviderEntry.qml" line="204"/>
        <location filename="../qml/settings/ProviderEntry.qml" line="230"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location filename="../qml/settings/ProviderEntry.qml" line="205"/>
        <source>Key environment variable</source>
        <translation>Umgebungsvariable des Schlüssels</translation>
    </message>
    <message>
        <location filename="../qml/settings/ProviderEntry.qml" line="219"/>
        <location filename="../qml/settings/ProviderEntry.qml" line="231"/>
        <source>Keychain item</source>
        <translation>Schlüsselbund-Eintrag</translation>
    </message>
    <message>
        <location filename="../qml/settings/ProviderEntry.qml" line="241"/>
        <source>paste a key to store</source>
        <translation>Schlüssel zum Speichern einfügen</translation>
    </message>
    <message>
        <location filename="../qml/settings/ProviderEntry.qml" line="242"/>
        <source>API key for the keychain</source>
        <translation>API-Schlüssel für den Schlüsselbund</translation>
    </message>
    <message>
        <location filename="../qml/settings/ProviderEntry.qml" line="249"/>
        <source>Store</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location filename="../qml/settings/ProviderEntry.qml" line="260"/>
        <source>Timeouts</source>
        <translation>Zeitlimits</translation>
    </message>
    <message>
        <location filename="../qml/settings/ProviderEntry.qml" line="270"/>
        <source>connect</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <location filename="../qml/settings/ProviderEntry.qml" line="271"/>
        <source>Connect timeout</source>
        <translation>Zeitlimit Verbindung</translation>
    </message>
    <message>
        <location filename="../qml/settings/ProviderEntry.qml" line="272"/>
        <source>Until the request is sent</source>
        <translation>Bis die Anfrage gesendet ist</translation>
    </message>
    <message>
        <location filename="../qml/settings/ProviderEntry.qml" line="277"/>
        <source>first token</source>
        <translation>erstes Token</translation>
    </message>
    <message>
        <location filename="../qml/settings/ProviderEntry.qml" line="278"/>
        <source>First-token timeout</source>
        <translation>Zeitlimit erstes Token</translation>
    </message>
    <message>
        <location filename="../qml/settings/ProviderEntry.qml" line="279"/>
        <source>From the sent request to the first text or tool call</source>
        <translation>Von der gesendeten Anfrage bis zum ersten Text oder Tool-Aufruf</translation>
    </message>
    <message>
        <location filename="../qml/settings/ProviderEntry.qml" line="284"/>
        <source>idle</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location filename="../qml/settings/ProviderEntry.qml" line="285"/>
        <source>Idle timeout</source>
        <translation>Zeitlimit Pause</translation>
    </message>
    <message>
        <location filename="../qml/settings/ProviderEntry.qml" line="286"/>
        <source>Longest silence while the answer streams</source>
        <translation>Längste Stille, während die Antwort eintrifft</translation>
    </message>
    <message>
        <location filename="../qml/settings/ProviderEntry.qml" line="291"/>
        <source>whole call</source>
        <translation>ganzer Aufruf</translation>
    </message>
    <message>
        <location filename="../qml/settings/ProviderEntry.qml" line="292"/>
        <source>Call deadline</source>
        <translation>Frist des Aufrufs</translation>
    </message>
    <message>
        <location filename="../qml/settings/ProviderEntry.qml" line="293"/>
        <source>The whole call, however busy the stream</source>
        <translation>Der ganze Aufruf, wie lebhaft der Datenstrom auch ist</translation>
    </message>
</context>
<context>
    <name>ProvidersSettings</name>
    <message>
        <location filename="../qml/settings/ProvidersSettings.qml" line="14"/>
        <source>Providers</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <location filename="../qml/settings/ProvidersSettings.qml" line="31"/>
        <source>Simulated (embedded default)</source>
        <translation>Simuliert (eingebauter Standard)</translation>
    </message>
    <message>
        <location filename="../qml/settings/ProvidersSettings.qml" line="38"/>
        <source>unsaved changes</source>
        <translation>ungespeicherte Änderungen</translation>
    </message>
    <message>
        <location filename="../qml/settings/ProvidersSettings.qml" line="49"/>
        <source>No keys, no network: the simulated provider answers every provider a ladder names. Open or create a providers file to use real models.</source>
        <translation>Keine Schlüssel, kein Netzwerk: Der simulierte Anbieter antwortet für jeden Anbieter, den eine Leiter nennt. Öffnen oder erstellen Sie eine Anbieterdatei, um echte Modelle zu verwenden.</translation>
    </message>
    <message>
        <location filename="../qml/settings/ProvidersSettings.qml" line="51"/>
        <source>%1 · new chats and comparisons use it. Keys come from the environment variable or the keychain item an entry names; they are never written to this file.</source>
        <translation>%1 · neue Chats und Vergleiche verwenden sie. Schlüssel kommen aus der Umgebungsvariable oder dem Schlüsselbund-Eintrag, den ein Eintrag nennt; sie werden nie in diese Datei geschrieben.</translation>
    </message>
    <message>
        <location filename="../qml/settings/ProvidersSettings.qml" line="61"/>
        <source>Open…</source>
        <translation>Öffnen…</translation>
    </message>
    <message>
        <location filename="../qml/settings/ProvidersSettings.qml" line="65"/>
        <source>New…</source>
        <translation>Neu…</translation>
    </message>
    <message>
        <location filename="../qml/settings/ProvidersSettings.qml" line="69"/>
        <source>Use Simulated</source>
        <translation>Simuliert verwenden</translation>
    </message>
    <message>
        <location filename="../qml/settings/ProvidersSettings.qml" line="75"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location filename="../qml/settings/ProvidersSettings.qml" line="82"/>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <location filename="../qml/settings/ProvidersSettings.qml" line="88"/>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <location filename="../qml/settings/ProvidersSettings.qml" line="128"/>
        <source>Add provider:</source>
        <translation>Anbieter hinzufügen:</translation>
    </message>
    <message>
        <location filename="../qml/settings/ProvidersSettings.qml" line="148"/>
        <source>Open Providers File</source>
        <translation>Anbieterdatei öffnen</translation>
    </message>
    <message>
        <location filename="../qml/settings/ProvidersSettings.qml" line="149"/>
        <location filename="../qml/settings/ProvidersSettings.qml" line="160"/>
        <source>Provider files (*.json)</source>
        <translation>Anbieterdateien (*.json)</translation>
    </message>
    <message>
        <location filename="../qml/settings/ProvidersSettings.qml" line="149"/>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../qml/settings/ProvidersSettings.qml" line="157"/>
        <source>New Providers File</source>
        <translation>Neue Anbieterdatei</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../src/app/export/exportmodel.cpp" line="29"/>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>RunTable</name>
    <message>
        <location filename="../qml/evaluate/RunTable.qml" line="27"/>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <location filename="../qml/evaluate/RunTable.qml" line="27"/>
        <source>Quality</source>
        <translation>Qualität</translation>
    </message>
    <message>
        <location filename="../qml/evaluate/RunTable.qml" line="27"/>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <location filename="../qml/evaluate/RunTable.qml" line="27"/>
        <source>Strong</source>
        <translation>Stark</translation>
    </message>
    <message>
        <location filename="../qml/evaluate/RunTable.qml" line="28"/>
        <source>Escal.</source>
        <translation>Eskal.</translation>
    </message>
    <message>
        <location filename="../qml/evaluate/RunTable.qml" line="28"/>
        <source>p50/p95 ms</source>
        <translation>p50/p95 ms</translation>
    </message>
    <message>
        <location filename="../qml/evaluate/RunTable.qml" line="28"/>
        <source>≈</source>
        <translation>≈</translation>
    </message>
    <message>
        <location filename="../qml/evaluate/RunTable.qml" line="97"/>
        <source>◆ Pareto front · italic: baselines, recorded routers (cost ≤: upper bound)</source>
        <translation>◆ Pareto-Front · kursiv: Vergleichsläufe, aufgezeichnete Router (Kosten ≤: Obergrenze)</translation>
    </message>
</context>
<context>
    <name>ServePanel</name>
    <message>
        <location filename="../qml/export/ServePanel.qml" line="24"/>
        <source>Serve this ladder</source>
        <translation>Diese Leiter bereitstellen</translation>
    </message>
    <message>
        <location filename="../qml/export/ServePanel.qml" line="34"/>
        <source>stopped</source>
        <translation>gestoppt</translation>
    </message>
    <message>
        <location filename="../qml/export/ServePanel.qml" line="35"/>
        <source>starting…</source>
        <translation>wird gestartet…</translation>
    </message>
    <message>
        <location filename="../qml/export/ServePanel.qml" line="36"/>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <location filename="../qml/export/ServePanel.qml" line="37"/>
        <source>stopping…</source>
        <translation>wird gestoppt…</translation>
    </message>
    <message>
        <location filename="../qml/export/ServePanel.qml" line="38"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../qml/export/ServePanel.qml" line="46"/>
        <source>Restart</source>
        <translation>Neu starten</translation>
    </message>
    <message>
        <location filename="../qml/export/ServePanel.qml" line="46"/>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../qml/export/ServePanel.qml" line="53"/>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <location filename="../qml/export/ServePanel.qml" line="62"/>
        <source>Runs the whole ladder (routing, triggers, escalation, fallbacks, handoff memory) behind an OpenAI-compatible endpoint on this machine (ladder serve). Any OpenAI client can talk to it; each conversation keeps its place.</source>
        <translation>Führt die ganze Leiter (Routing, Auslöser, Eskalation, Ausweichmodelle, Übergabegedächtnis) hinter einem OpenAI-kompatiblen Endpunkt auf diesem Rechner aus (ladder serve). Jeder OpenAI-Client kann damit sprechen; jedes Gespräch behält seine Position.</translation>
    </message>
    <message>
        <location filename="../qml/export/ServePanel.qml" line="66"/>
        <source>The simulated provider answers (choose a providers file in Settings for real models).</source>
        <translation>Der simulierte Anbieter antwortet (wählen Sie für echte Modelle eine Anbieterdatei in den Einstellungen).</translation>
    </message>
    <message>
        <location filename="../qml/export/ServePanel.qml" line="67"/>
        <source>Providers from %1.</source>
        <translation>Anbieter aus %1.</translation>
    </message>
    <message>
        <location filename="../qml/export/ServePanel.qml" line="97"/>
        <source>The ladder was edited after it was served: the server still runs the earlier version. Restart to serve the edits.</source>
        <translation>Die Leiter wurde nach dem Bereitstellen bearbeitet: Der Server führt noch die frühere Version aus. Starten Sie neu, um die Änderungen bereitzustellen.</translation>
    </message>
    <message>
        <location filename="../qml/export/ServePanel.qml" line="110"/>
        <source>Base URL</source>
        <translation>Basis-URL</translation>
    </message>
    <message>
        <location filename="../qml/export/ServePanel.qml" line="123"/>
        <location filename="../qml/export/ServePanel.qml" line="195"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location filename="../qml/export/ServePanel.qml" line="127"/>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location filename="../qml/export/ServePanel.qml" line="137"/>
        <source>(pin a tier: %1)</source>
        <translation>(Stufe festlegen: %1)</translation>
    </message>
    <message>
        <location filename="../qml/export/ServePanel.qml" line="140"/>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <location filename="../qml/export/ServePanel.qml" line="156"/>
        <source>none yet</source>
        <translation>noch keine</translation>
    </message>
    <message>
        <location filename="../qml/export/ServePanel.qml" line="157"/>
        <source>answered, %1 failed; last by tier %2</source>
        <translation>beantwortet, %1 fehlgeschlagen; zuletzt von Stufe %2</translation>
    </message>
    <message>
        <location filename="../qml/export/ServePanel.qml" line="173"/>
        <source>curl</source>
        <translation>curl</translation>
    </message>
    <message>
        <location filename="../qml/export/ServePanel.qml" line="174"/>
        <source>Python (openai)</source>
        <translation>Python (openai)</translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <location filename="../qml/shell/SettingsView.qml" line="28"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../qml/shell/SettingsView.qml" line="35"/>
        <source>Appearance</source>
        <translation>Erscheinungsbild</translation>
    </message>
    <message>
        <location filename="../qml/shell/SettingsView.qml" line="44"/>
        <source>Theme</source>
        <translation>Design</translation>
    </message>
    <message>
        <location filename="../qml/shell/SettingsView.qml" line="52"/>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <location filename="../qml/shell/SettingsView.qml" line="52"/>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <location filename="../qml/shell/SettingsView.qml" line="52"/>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <location filename="../qml/shell/SettingsView.qml" line="57"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location filename="../qml/shell/SettingsView.qml" line="78"/>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <location filename="../qml/shell/SettingsView.qml" line="88"/>
        <source>Unsaved changes are autosaved every 30 seconds to %1 and offered for recovery on the next start.</source>
        <translation>Ungespeicherte Änderungen werden alle 30 Sekunden nach %1 gesichert und beim nächsten Start zur Wiederherstellung angeboten.</translation>
    </message>
    <message>
        <location filename="../qml/shell/SettingsView.qml" line="93"/>
        <source>Clear Recent Files (%1)</source>
        <translation>Zuletzt geöffnete Dateien leeren (%1)</translation>
    </message>
    <message>
        <location filename="../qml/shell/SettingsView.qml" line="102"/>
        <source>Ladder Studio %1 · Qt %2</source>
        <translation>Ladder Studio %1 · Qt %2</translation>
    </message>
</context>
<context>
    <name>TierInspector</name>
    <message>
        <location filename="../qml/editor/TierInspector.qml" line="14"/>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../qml/editor/TierInspector.qml" line="24"/>
        <source>Label</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <location filename="../qml/editor/TierInspector.qml" line="34"/>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <location filename="../qml/editor/TierInspector.qml" line="44"/>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location filename="../qml/editor/TierInspector.qml" line="61"/>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <location filename="../qml/editor/TierInspector.qml" line="79"/>
        <source>Temperature</source>
        <translation>Temperatur</translation>
    </message>
    <message>
        <location filename="../qml/editor/TierInspector.qml" line="83"/>
        <location filename="../qml/editor/TierInspector.qml" line="102"/>
        <source>default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <location filename="../qml/editor/TierInspector.qml" line="98"/>
        <source>Max tokens</source>
        <translation>Max. Tokens</translation>
    </message>
    <message>
        <location filename="../qml/editor/TierInspector.qml" line="114"/>
        <source>System prompt</source>
        <translation>Systemprompt</translation>
    </message>
    <message>
        <location filename="../qml/editor/TierInspector.qml" line="126"/>
        <source>Instructions for this tier</source>
        <translation>Anweisungen für diese Stufe</translation>
    </message>
    <message>
        <location filename="../qml/editor/TierInspector.qml" line="135"/>
        <source>Fallback chain (tried in order when the model fails)</source>
        <translation>Ausweichkette (der Reihe nach versucht, wenn das Modell ausfällt)</translation>
    </message>
    <message>
        <location filename="../qml/editor/TierInspector.qml" line="164"/>
        <source>Move up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <location filename="../qml/editor/TierInspector.qml" line="171"/>
        <source>Move down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <location filename="../qml/editor/TierInspector.qml" line="177"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../qml/editor/TierInspector.qml" line="184"/>
        <source>Add fallback model</source>
        <translation>Ausweichmodell hinzufügen</translation>
    </message>
    <message>
        <location filename="../qml/editor/TierInspector.qml" line="191"/>
        <source>Offer the escalate(reason, question) tool</source>
        <translation>Werkzeug escalate(reason, question) anbieten</translation>
    </message>
    <message>
        <location filename="../qml/editor/TierInspector.qml" line="198"/>
        <source>Required sections (one per line)</source>
        <translation>Pflichtabschnitte (einer pro Zeile)</translation>
    </message>
    <message>
        <location filename="../qml/editor/TierInspector.qml" line="208"/>
        <source>e.g. Summary</source>
        <translation>z. B. Zusammenfassung</translation>
    </message>
    <message>
        <location filename="../qml/editor/TierInspector.qml" line="215"/>
        <source>Verify the answer (self check)</source>
        <translation>Antwort prüfen (Selbstprüfung)</translation>
    </message>
    <message>
        <location filename="../qml/editor/TierInspector.qml" line="228"/>
        <source>Checking tier</source>
        <translation>Prüfende Stufe</translation>
    </message>
    <message>
        <location filename="../qml/editor/TierInspector.qml" line="239"/>
        <source>or model</source>
        <translation>oder Modell</translation>
    </message>
    <message>
        <location filename="../qml/editor/TierInspector.qml" line="250"/>
        <source>Threshold (0–1)</source>
        <translation>Schwelle (0–1)</translation>
    </message>
    <message>
        <location filename="../qml/editor/TierInspector.qml" line="265"/>
        <source>Without a tier or model the tier&apos;s own model checks. A post_turn transition on self check failed sends the answer up.</source>
        <translation>Ohne Stufe oder Modell prüft das eigene Modell der Stufe. Ein post_turn-Übergang auf „Selbstprüfung fehlgeschlagen“ schickt die Antwort nach oben.</translation>
    </message>
    <message>
        <location filename="../qml/editor/TierInspector.qml" line="269"/>
        <source>Check prompt (empty: the built-in one)</source>
        <translation>Prüfprompt (leer: der eingebaute)</translation>
    </message>
    <message>
        <location filename="../qml/editor/TierInspector.qml" line="289"/>
        <source>Colour (shared with the chat timeline)</source>
        <translation>Farbe (auch in der Chat-Zeitleiste)</translation>
    </message>
    <message>
        <location filename="../qml/editor/TierInspector.qml" line="327"/>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <location filename="../qml/editor/TierInspector.qml" line="343"/>
        <source>Make this the entry tier</source>
        <translation>Zur Einstiegsstufe machen</translation>
    </message>
</context>
<context>
    <name>TierNode</name>
    <message>
        <location filename="../qml/editor/TierNode.qml" line="88"/>
        <source>%1 in · %2 out per Mtok</source>
        <translation>%1 ein · %2 aus pro Mio. Tokens</translation>
    </message>
    <message>
        <location filename="../qml/editor/TierNode.qml" line="101"/>
        <source>⤴ tool</source>
        <translation>⤴ Tool</translation>
    </message>
</context>
<context>
    <name>TierTimeline</name>
    <message>
        <location filename="../qml/chat/TierTimeline.qml" line="39"/>
        <source>The tier timeline fills as turns are answered.</source>
        <translation>Die Stufen-Zeitleiste füllt sich, während Züge beantwortet werden.</translation>
    </message>
    <message>
        <location filename="../qml/chat/TierTimeline.qml" line="88"/>
        <source>cost / turn</source>
        <translation>Kosten / Zug</translation>
    </message>
    <message>
        <location filename="../qml/chat/TierTimeline.qml" line="254"/>
        <source>Turn %1 · %2</source>
        <translation>Zug %1 · %2</translation>
    </message>
    <message>
        <location filename="../qml/chat/TierTimeline.qml" line="256"/>
        <source>Turn %1 · %2 · %3 · %4</source>
        <translation>Zug %1 · %2 · %3 · %4</translation>
    </message>
</context>
<context>
    <name>TransitionInspector</name>
    <message>
        <location filename="../src/app/document/laddernames.cpp" line="99"/>
        <source>After N turns (step down)</source>
        <translation>Nach N Zügen (abstufen)</translation>
    </message>
    <message>
        <location filename="../src/app/document/laddernames.cpp" line="101"/>
        <source>On a signal before the turn</source>
        <translation>Bei einem Signal vor dem Zug</translation>
    </message>
    <message>
        <location filename="../src/app/document/laddernames.cpp" line="103"/>
        <source>After the answer (re-answer)</source>
        <translation>Nach der Antwort (neu beantworten)</translation>
    </message>
    <message>
        <location filename="../src/app/document/laddernames.cpp" line="105"/>
        <source>Return after N turns</source>
        <translation>Rückkehr nach N Zügen</translation>
    </message>
    <message>
        <location filename="../src/app/document/laddernames.cpp" line="107"/>
        <source>On provider failure</source>
        <translation>Bei Anbieterfehler</translation>
    </message>
    <message>
        <location filename="../qml/editor/TransitionInspector.qml" line="39"/>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <location filename="../qml/editor/TransitionInspector.qml" line="45"/>
        <source>any tier (*)</source>
        <translation>jede Stufe (*)</translation>
    </message>
    <message>
        <location filename="../qml/editor/TransitionInspector.qml" line="54"/>
        <source>To</source>
        <translation>Nach</translation>
    </message>
    <message>
        <location filename="../qml/editor/TransitionInspector.qml" line="60"/>
        <source>where it came from</source>
        <translation>dorthin, woher sie kam</translation>
    </message>
    <message>
        <location filename="../qml/editor/TransitionInspector.qml" line="72"/>
        <source>Condition</source>
        <translation>Bedingung</translation>
    </message>
    <message>
        <location filename="../qml/editor/TransitionInspector.qml" line="86"/>
        <source>Turns</source>
        <translation>Züge</translation>
    </message>
    <message>
        <location filename="../qml/editor/TransitionInspector.qml" line="100"/>
        <source>Switch only when it pays within (turns)</source>
        <translation>Nur wechseln, wenn es sich lohnt, innerhalb von (Zügen)</translation>
    </message>
    <message>
        <location filename="../qml/editor/TransitionInspector.qml" line="117"/>
        <source>0: always switch. Otherwise the target tier must save more over these turns than the prompt cache the switch loses.</source>
        <translation>0: immer wechseln. Sonst muss die Zielstufe über diese Züge mehr sparen, als der Wechsel an Prompt-Cache verliert.</translation>
    </message>
    <message>
        <location filename="../qml/editor/TransitionInspector.qml" line="122"/>
        <source>Signals (any of)</source>
        <translation>Signale (eines davon)</translation>
    </message>
    <message>
        <location filename="../qml/editor/TransitionInspector.qml" line="146"/>
        <source>Classification labels (comma separated)</source>
        <translation>Klassifizierungsetiketten (durch Kommas getrennt)</translation>
    </message>
    <message>
        <location filename="../qml/editor/TransitionInspector.qml" line="152"/>
        <source>e.g. code, math</source>
        <translation>z. B. code, math</translation>
    </message>
    <message>
        <location filename="../qml/editor/TransitionInspector.qml" line="158"/>
        <source>Low confidence below</source>
        <translation>Geringe Zuversicht unter</translation>
    </message>
    <message>
        <location filename="../qml/editor/TransitionInspector.qml" line="174"/>
        <source>Errors (any of)</source>
        <translation>Fehler (einer davon)</translation>
    </message>
    <message>
        <location filename="../qml/editor/TransitionInspector.qml" line="197"/>
        <source>Delete transition</source>
        <translation>Übergang löschen</translation>
    </message>
</context>
<context>
    <name>ladder::AuditCallModel</name>
    <message>
        <location filename="../src/app/audit/auditcallmodel.cpp" line="116"/>
        <source>The audit store is not open</source>
        <translation>Der Audit-Speicher ist nicht geöffnet</translation>
    </message>
    <message>
        <location filename="../src/app/audit/auditcallmodel.cpp" line="120"/>
        <source>Call %1 is not in the store. %2</source>
        <translation>Aufruf %1 ist nicht gespeichert. %2</translation>
    </message>
    <message>
        <location filename="../src/app/audit/auditcallmodel.cpp" line="136"/>
        <source>No session to export</source>
        <translation>Keine Sitzung zum Exportieren</translation>
    </message>
    <message>
        <location filename="../src/app/audit/auditcallmodel.cpp" line="141"/>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location filename="../src/app/audit/auditcallmodel.cpp" line="148"/>
        <location filename="../src/app/audit/auditcallmodel.cpp" line="158"/>
        <source>Cannot export to %1: %2</source>
        <translation>Export nach %1 nicht möglich: %2</translation>
    </message>
</context>
<context>
    <name>ladder::AuditSessionModel</name>
    <message>
        <location filename="../src/app/audit/auditsessionmodel.cpp" line="47"/>
        <source>Untitled chat</source>
        <translation>Unbenannter Chat</translation>
    </message>
</context>
<context>
    <name>ladder::ChatMemoryModel</name>
    <message>
        <location filename="../src/app/document/laddernames.cpp" line="166"/>
        <source>Goal</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <location filename="../src/app/document/laddernames.cpp" line="167"/>
        <source>Constraints</source>
        <translation>Randbedingungen</translation>
    </message>
    <message>
        <location filename="../src/app/document/laddernames.cpp" line="168"/>
        <source>Non-goals</source>
        <translation>Nicht-Ziele</translation>
    </message>
    <message>
        <location filename="../src/app/document/laddernames.cpp" line="169"/>
        <source>Assumptions</source>
        <translation>Annahmen</translation>
    </message>
    <message>
        <location filename="../src/app/document/laddernames.cpp" line="170"/>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location filename="../src/app/document/laddernames.cpp" line="171"/>
        <source>Format contract</source>
        <translation>Formatvertrag</translation>
    </message>
    <message>
        <location filename="../src/app/document/laddernames.cpp" line="172"/>
        <source>Decisions</source>
        <translation>Entscheidungen</translation>
    </message>
    <message>
        <location filename="../src/app/document/laddernames.cpp" line="173"/>
        <source>Open questions</source>
        <translation>Offene Fragen</translation>
    </message>
    <message>
        <location filename="../src/app/document/laddernames.cpp" line="174"/>
        <source>Unknowns</source>
        <translation>Unbekannte</translation>
    </message>
    <message>
        <location filename="../src/app/chat/chatmemorymodel.cpp" line="27"/>
        <source>Edit %1</source>
        <translation>%1 bearbeiten</translation>
    </message>
</context>
<context>
    <name>ladder::ChatSessionModel</name>
    <message>
        <location filename="../src/app/chat/chatsessionmodel.cpp" line="172"/>
        <source>Fault schedule: %1</source>
        <translation>Fehlerplan: %1</translation>
    </message>
    <message>
        <location filename="../src/app/chat/chatsessionmodel.cpp" line="239"/>
        <source>The session did not accept the turn</source>
        <translation>Die Sitzung hat den Zug nicht angenommen</translation>
    </message>
    <message>
        <location filename="../src/app/chat/chatmessagemodel.cpp" line="267"/>
        <source>↳ escalated to %1: %2</source>
        <translation>↳ eskaliert an %1: %2</translation>
    </message>
    <message>
        <location filename="../src/app/chat/chatmessagemodel.cpp" line="273"/>
        <source>Tool call: escalate(reason: &quot;%1&quot;, question: &quot;%2&quot;)</source>
        <translation>Werkzeugaufruf: escalate(reason: &quot;%1&quot;, question: &quot;%2&quot;)</translation>
    </message>
    <message>
        <location filename="../src/app/chat/chatmessagemodel.cpp" line="277"/>
        <source>Question: %1</source>
        <translation>Frage: %1</translation>
    </message>
    <message>
        <location filename="../src/app/chat/chatmessagemodel.cpp" line="280"/>
        <source>Discarded answer from %1:</source>
        <translation>Verworfene Antwort von %1:</translation>
    </message>
    <message>
        <location filename="../src/app/chat/chatmessagemodel.cpp" line="230"/>
        <source>↓ %1</source>
        <translation>↓ %1</translation>
    </message>
    <message>
        <location filename="../src/app/chat/chatmessagemodel.cpp" line="311"/>
        <source>handoff %1 → %2 · memory v%3 injected (%4 tokens)</source>
        <translation>Übergabe %1 → %2 · Gedächtnis v%3 eingefügt (%4 Tokens)</translation>
    </message>
    <message>
        <location filename="../src/app/chat/chatmessagemodel.cpp" line="316"/>
        <source>handoff %1 → %2 · no memory injected</source>
        <translation>Übergabe %1 → %2 · kein Gedächtnis eingefügt</translation>
    </message>
    <message>
        <location filename="../src/app/chat/chatmessagemodel.cpp" line="337"/>
        <source>%1 on %2, retry %3 after %4 ms</source>
        <translation>%1 bei %2, Wiederholung %3 nach %4 ms</translation>
    </message>
    <message>
        <location filename="../src/app/chat/chatmessagemodel.cpp" line="349"/>
        <source>%1 on %2, falling back to tier %3 (%4)</source>
        <translation>%1 bei %2, Ausweichen auf Stufe %3 (%4)</translation>
    </message>
    <message>
        <location filename="../src/app/chat/chatmessagemodel.cpp" line="355"/>
        <source>%1 on %2, falling back to %3</source>
        <translation>%1 bei %2, Ausweichen auf %3</translation>
    </message>
    <message>
        <location filename="../src/app/chat/chatmessagemodel.cpp" line="405"/>
        <source>Stopped</source>
        <translation>Gestoppt</translation>
    </message>
    <message>
        <location filename="../src/app/chat/chatmessagemodel.cpp" line="406"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../src/app/chat/chatmessagemodel.cpp" line="444"/>
        <source>%1 on %2, answered by %3</source>
        <translation>%1 bei %2, beantwortet von %3</translation>
    </message>
    <message>
        <location filename="../src/app/chat/chatmessagemodel.cpp" line="447"/>
        <source>%1 on %2, answered by %3 on tier %4</source>
        <translation>%1 bei %2, beantwortet von %3 auf Stufe %4</translation>
    </message>
    <message>
        <location filename="../src/app/chat/chatsessionmodel.cpp" line="357"/>
        <source>Session %1 is not in the store: %2</source>
        <translation>Sitzung %1 ist nicht gespeichert: %2</translation>
    </message>
    <message>
        <location filename="../src/app/chat/chatsessionmodel.cpp" line="85"/>
        <source>the start of this chat</source>
        <translation>der Beginn dieses Chats</translation>
    </message>
    <message>
        <location filename="../src/app/chat/chatsessionmodel.cpp" line="86"/>
        <source>turns %1 of this chat</source>
        <translation>die Züge %1 dieses Chats</translation>
    </message>
    <message>
        <location filename="../src/app/chat/chatsessionmodel.cpp" line="87"/>
        <source>Not recorded in the session store: %1 (%2). The chat goes on, but its record is incomplete.</source>
        <translation>Nicht im Sitzungsspeicher festgehalten: %1 (%2). Der Chat läuft weiter, aber seine Aufzeichnung ist unvollständig.</translation>
    </message>
    <message>
        <location filename="../src/app/chat/chatmessagemodel.cpp" line="284"/>
        <source>Signal before the turn on %1: %2</source>
        <translation>Signal vor dem Zug auf %1: %2</translation>
    </message>
    <message>
        <location filename="../src/app/chat/chatexport.cpp" line="20"/>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <location filename="../src/app/chat/chatexport.cpp" line="22"/>
        <source>Ladder: %1 · session %2</source>
        <translation>Leiter: %1 · Sitzung %2</translation>
    </message>
    <message>
        <location filename="../src/app/chat/chatexport.cpp" line="28"/>
        <source>User (turn %1)</source>
        <translation>Benutzer (Zug %1)</translation>
    </message>
    <message>
        <location filename="../src/app/chat/chatexport.cpp" line="38"/>
        <source>%1 in / %2 out tokens · %3 · TTFT %4 ms · %5 ms</source>
        <translation>%1 Eingabe- / %2 Ausgabe-Tokens · %3 · TTFT %4 ms · %5 ms</translation>
    </message>
    <message>
        <location filename="../src/app/chat/chatsessionmodel.cpp" line="395"/>
        <location filename="../src/app/chat/chatsessionmodel.cpp" line="400"/>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location filename="../src/app/chat/chatmessagemodel_totals.cpp" line="131"/>
        <source>%1 (turns of unknown cost: %2)</source>
        <translation>%1 (Züge mit unbekannten Kosten: %2)</translation>
    </message>
</context>
<context>
    <name>ladder::ChatTimelineModel</name>
    <message>
        <location filename="../src/app/chat/chattimelinemodel.cpp" line="156"/>
        <source>Escalated: %1</source>
        <translation>Eskaliert: %1</translation>
    </message>
    <message>
        <location filename="../src/app/chat/chattimelinemodel.cpp" line="158"/>
        <source>Fallback: %1</source>
        <translation>Ausweichen: %1</translation>
    </message>
    <message>
        <location filename="../src/app/chat/chattimelinemodel.cpp" line="160"/>
        <source>Handoff: %1</source>
        <translation>Übergabe: %1</translation>
    </message>
    <message>
        <location filename="../src/app/chat/chattimelinemodel.cpp" line="162"/>
        <source>Routing: %1</source>
        <translation>Routing: %1</translation>
    </message>
</context>
<context>
    <name>ladder::CompareModel</name>
    <message>
        <location filename="../src/app/compare/comparemodel.cpp" line="146"/>
        <source>always %1</source>
        <translation>immer %1</translation>
    </message>
    <message>
        <location filename="../src/app/compare/comparemodel.cpp" line="147"/>
        <source>Single-model baseline: every turn on %1.</source>
        <translation>Basislinie mit einem Modell: jeder Zug auf %1.</translation>
    </message>
    <message>
        <location filename="../src/app/compare/comparemodel.cpp" line="253"/>
        <source>%1, memory as edited</source>
        <translation>%1, Gedächtnis wie bearbeitet</translation>
    </message>
    <message>
        <location filename="../src/app/compare/comparemodel.cpp" line="263"/>
        <source>%1, as it ran</source>
        <translation>%1, wie gelaufen</translation>
    </message>
    <message>
        <location filename="../src/app/compare/comparemodel.cpp" line="332"/>
        <source>Ladder %1</source>
        <translation>Leiter %1</translation>
    </message>
</context>
<context>
    <name>ladder::DetectorTrainer</name>
    <message>
        <location filename="../src/app/editor/detectortrainer.cpp" line="164"/>
        <source>No learned detector &quot;%1&quot;</source>
        <translation>Kein gelernter Detektor „%1“</translation>
    </message>
    <message>
        <location filename="../src/app/editor/detectortrainer.cpp" line="169"/>
        <source>Pick a data set of recorded answers first</source>
        <translation>Wählen Sie zuerst einen Datensatz mit aufgezeichneten Antworten</translation>
    </message>
    <message>
        <location filename="../src/app/editor/detectortrainer.cpp" line="197"/>
        <source>Training on %1…</source>
        <translation>Training mit %1…</translation>
    </message>
    <message>
        <location filename="../src/app/editor/detectortrainer.cpp" line="229"/>
        <source>no labelled turns to train on</source>
        <translation>keine gekennzeichneten Züge zum Trainieren</translation>
    </message>
    <message>
        <location filename="../src/app/editor/detectortrainer.cpp" line="283"/>
        <source>Cancelled; the detector is unchanged</source>
        <translation>Abgebrochen; der Detektor ist unverändert</translation>
    </message>
    <message>
        <location filename="../src/app/editor/detectortrainer.cpp" line="288"/>
        <source>Training failed: %1</source>
        <translation>Training fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../src/app/editor/detectortrainer.cpp" line="300"/>
        <source>%1 feedback cases from your chats, %2 need the strong tier; %3 weights, %4 ms.</source>
        <translation>%1 Rückmeldungsfälle aus Ihren Chats, %2 brauchen die starke Stufe; %3 Gewichte, %4 ms.</translation>
    </message>
    <message>
        <location filename="../src/app/editor/detectortrainer.cpp" line="305"/>
        <source>%1 turns of %2, %3 need the strong tier (%4 vs %5); %6 weights, %7 ms.</source>
        <translation>%1 Züge aus %2, %3 brauchen die starke Stufe (%4 gegen %5); %6 Gewichte, %7 ms.</translation>
    </message>
    <message>
        <location filename="../src/app/editor/detectortrainer.cpp" line="314"/>
        <source>Of them, %1 are feedback cases from your chats.</source>
        <translation>Davon sind %1 Rückmeldungsfälle aus Ihren Chats.</translation>
    </message>
    <message>
        <location filename="../src/app/editor/detectortrainer.cpp" line="321"/>
        <source>Held out (%1-fold): AUC %2; at threshold %3: %4 % strong calls, quality %5 (cheap %6, strong %7).</source>
        <translation>Zurückgehalten (%1-fach): AUC %2; bei Schwelle %3: %4 % starke Aufrufe, Qualität %5 (günstig %6, stark %7).</translation>
    </message>
    <message>
        <location filename="../src/app/editor/detectortrainer.cpp" line="329"/>
        <source>Trained: the model is in the ladder (Undo takes it out)</source>
        <translation>Trainiert: Das Modell ist in der Leiter („Rückgängig“ entfernt es)</translation>
    </message>
</context>
<context>
    <name>ladder::EvaluateModel</name>
    <message>
        <location filename="../src/app/evaluate/evaluatemodel.cpp" line="135"/>
        <source>%1 loaded</source>
        <translation>%1 geladen</translation>
    </message>
    <message>
        <location filename="../src/app/evaluate/evaluatemodel.cpp" line="146"/>
        <source>No data set loaded</source>
        <translation>Kein Datensatz geladen</translation>
    </message>
    <message>
        <location filename="../src/app/evaluate/evaluatemodel.cpp" line="147"/>
        <source>%1 · %2 cases · %3 turns · %4 answerers · labels: %5</source>
        <translation>%1 · %2 Fälle · %3 Züge · %4 Antwortgeber · Bewertungen: %5</translation>
    </message>
    <message>
        <location filename="../src/app/evaluate/evaluatemodel.cpp" line="152"/>
        <source>judge scores</source>
        <translation>Richterwertungen</translation>
    </message>
    <message>
        <location filename="../src/app/evaluate/evaluatemodel.cpp" line="153"/>
        <source>right/wrong</source>
        <translation>richtig/falsch</translation>
    </message>
    <message>
        <location filename="../src/app/evaluate/evaluatemodel.cpp" line="154"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location filename="../src/app/evaluate/evaluatemodel.cpp" line="185"/>
        <source>Open ladder: %1</source>
        <translation>Offene Leiter: %1</translation>
    </message>
    <message>
        <location filename="../src/app/evaluate/evaluatemodel.cpp" line="200"/>
        <source>Template: %1</source>
        <translation>Vorlage: %1</translation>
    </message>
    <message>
        <location filename="../src/app/evaluate/evaluatemodel.cpp" line="227"/>
        <source>%1 of %2 conversations</source>
        <translation>%1 von %2 Gesprächen</translation>
    </message>
    <message>
        <location filename="../src/app/evaluate/evaluatemodel.cpp" line="233"/>
        <source>Mean judge score</source>
        <translation>Mittlere Richterwertung</translation>
    </message>
    <message>
        <location filename="../src/app/evaluate/evaluatemodel.cpp" line="234"/>
        <source>Accuracy (%)</source>
        <translation>Genauigkeit (%)</translation>
    </message>
    <message>
        <location filename="../src/app/evaluate/evaluatemodel.cpp" line="256"/>
        <source>No data set loaded: pick a file</source>
        <translation>Kein Datensatz geladen: Wählen Sie eine Datei</translation>
    </message>
    <message>
        <location filename="../src/app/evaluate/evaluatemodel.cpp" line="257"/>
        <source>%1 has no cases to run</source>
        <translation>%1 enthält keine Fälle zum Ausführen</translation>
    </message>
    <message>
        <location filename="../src/app/evaluate/evaluatemodel.cpp" line="300"/>
        <source>%1: cannot be read</source>
        <translation>%1: kann nicht gelesen werden</translation>
    </message>
    <message>
        <location filename="../src/app/evaluate/evaluatemodel.cpp" line="320"/>
        <source>Sweep: %1 (or turn the sweep off)</source>
        <translation>Durchlauf: %1 (oder den Durchlauf ausschalten)</translation>
    </message>
    <message>
        <location filename="../src/app/evaluate/evaluatemodel.cpp" line="326"/>
        <source>Pick at least one ladder or the sweep</source>
        <translation>Mindestens eine Leiter oder den Durchlauf wählen</translation>
    </message>
    <message>
        <location filename="../src/app/evaluate/evaluatemodel.cpp" line="419"/>
        <source>Running %1 runs over %2 cases…</source>
        <translation>%1 Läufe über %2 Fälle laufen…</translation>
    </message>
    <message>
        <location filename="../src/app/evaluate/evaluatemodel.cpp" line="490"/>
        <source>not reached</source>
        <translation>nicht erreicht</translation>
    </message>
    <message>
        <location filename="../src/app/evaluate/evaluatemodel.cpp" line="493"/>
        <source>Sweep · strong calls for CPT(50) %1, CPT(80) %2, CPT(95) %3 · APGR %4</source>
        <translation>Durchlauf · starke Aufrufe für CPT(50) %1, CPT(80) %2, CPT(95) %3 · APGR %4</translation>
    </message>
    <message>
        <location filename="../src/app/evaluate/evaluatemodel_live.cpp" line="23"/>
        <source>the simulated provider (no keys, no network)</source>
        <translation>dem simulierten Anbieter (keine Schlüssel, kein Netzwerk)</translation>
    </message>
    <message>
        <location filename="../src/app/evaluate/evaluatemodel_live.cpp" line="24"/>
        <source>the providers of %1</source>
        <translation>den Anbietern aus %1</translation>
    </message>
    <message>
        <location filename="../src/app/evaluate/evaluatemodel_live.cpp" line="26"/>
        <source>No recorded answers in this set: the ladders&apos; tiers answer live on %1, the set&apos;s scorers give the quality</source>
        <translation>Keine aufgezeichneten Antworten in diesem Set: Die Stufen der Leitern antworten live mit %1, die Bewertungen des Sets ergeben die Qualität</translation>
    </message>
    <message>
        <location filename="../src/app/evaluate/evaluatemodel_live.cpp" line="30"/>
        <source>Live: the ladders&apos; tiers answer on %1, the set&apos;s scorers give the quality</source>
        <translation>Live: Die Stufen der Leitern antworten mit %1, die Bewertungen des Sets ergeben die Qualität</translation>
    </message>
    <message>
        <location filename="../src/app/evaluate/evaluatemodel_live.cpp" line="32"/>
        <source>Replay: the tiers answer from the recorded answers of the pair above</source>
        <translation>Wiedergabe: Die Stufen antworten mit den aufgezeichneten Antworten des Paars oben</translation>
    </message>
    <message>
        <location filename="../src/app/evaluate/evaluatemodel_live.cpp" line="38"/>
        <source>Cancelled: %1 of %2 conversations finished; the figures cover those</source>
        <translation>Abgebrochen: %1 von %2 Gesprächen beendet; die Zahlen gelten für diese</translation>
    </message>
    <message>
        <location filename="../src/app/evaluate/evaluatemodel_live.cpp" line="42"/>
        <source>%1 runs over %2 cases: live answers from %3, scored by the set&apos;s expectations</source>
        <translation>%1 Läufe über %2 Fälle: Live-Antworten von %3, bewertet nach den Erwartungen des Sets</translation>
    </message>
    <message>
        <location filename="../src/app/evaluate/evaluatemodel_live.cpp" line="46"/>
        <source>%1 runs over %2 cases: replayed answers, tokens estimated at ~4 characters a token, latency modelled</source>
        <translation>%1 Läufe über %2 Fälle: abgespielte Antworten, Tokens auf ~4 Zeichen je Token geschätzt, Latenz modelliert</translation>
    </message>
    <message>
        <location filename="../src/app/evaluate/evaluatemodel_cases.cpp" line="106"/>
        <source>Recorded judge score (1–10) of the answer that answered</source>
        <translation>Aufgezeichnete Richterwertung (1–10) der gegebenen Antwort</translation>
    </message>
    <message>
        <location filename="../src/app/evaluate/evaluatemodel_cases.cpp" line="107"/>
        <source>Recorded right/wrong label of the answer that answered</source>
        <translation>Aufgezeichnete Richtig/Falsch-Bewertung der gegebenen Antwort</translation>
    </message>
    <message>
        <location filename="../src/app/evaluate/evaluatemodel_cases.cpp" line="113"/>
        <source>
Reference: %1</source>
        <translation>
Referenz: %1</translation>
    </message>
</context>
<context>
    <name>ladder::ExportModel</name>
    <message>
        <location filename="../src/app/export/exportmodel.cpp" line="86"/>
        <source>LiteLLM</source>
        <translation>LiteLLM</translation>
    </message>
    <message>
        <location filename="../src/app/export/exportmodel.cpp" line="87"/>
        <source>Proxy config.yaml: a model group per tier and per fallback, router fallbacks and retries.</source>
        <translation>Proxy-config.yaml: eine Modellgruppe je Stufe und je Ausweichmodell, Router-Ausweichfolgen und Wiederholungen.</translation>
    </message>
    <message>
        <location filename="../src/app/export/exportmodel.cpp" line="90"/>
        <source>Portkey</source>
        <translation>Portkey</translation>
    </message>
    <message>
        <location filename="../src/app/export/exportmodel.cpp" line="91"/>
        <source>Gateway config: conditional routing by metadata, a fallback chain per tier.</source>
        <translation>Gateway-Konfiguration: bedingtes Routing nach Metadaten, eine Ausweichkette je Stufe.</translation>
    </message>
    <message>
        <location filename="../src/app/export/exportmodel.cpp" line="94"/>
        <source>Ladder JSON</source>
        <translation>Leiter-JSON</translation>
    </message>
    <message>
        <location filename="../src/app/export/exportmodel.cpp" line="95"/>
        <source>The canonical ladder/1 document: nothing lost.</source>
        <translation>Das kanonische ladder/1-Dokument: nichts verloren.</translation>
    </message>
    <message>
        <location filename="../src/app/export/exportmodel.cpp" line="166"/>
        <source>Copied the %1 export.</source>
        <translation>%1-Export kopiert.</translation>
    </message>
    <message>
        <location filename="../src/app/export/exportmodel.cpp" line="183"/>
        <source>Saved %1 and %2.</source>
        <translation>%1 und %2 gespeichert.</translation>
    </message>
</context>
<context>
    <name>ladder::Formatter</name>
    <message>
        <location filename="../src/app/common/formatter.cpp" line="20"/>
        <source>$%1</source>
        <translation>%1 $</translation>
    </message>
    <message>
        <location filename="../src/app/common/formatter.cpp" line="22"/>
        <source>$%1 + unknown</source>
        <translation>%1 $ + unbekannt</translation>
    </message>
    <message>
        <location filename="../src/app/common/formatter.cpp" line="23"/>
        <source>cost unknown</source>
        <translation>Kosten unbekannt</translation>
    </message>
    <message>
        <location filename="../src/app/common/formatter.cpp" line="29"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../src/app/common/formatter.cpp" line="30"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
</context>
<context>
    <name>ladder::GoldenCaseDraft</name>
    <message>
        <location filename="../src/app/chat/goldencasedraft.cpp" line="59"/>
        <source>no chat</source>
        <translation>kein Chat</translation>
    </message>
    <message>
        <location filename="../src/app/chat/goldencasedraft.cpp" line="81"/>
        <source>turn %1 has no finished answer to save</source>
        <translation>Zug %1 hat keine fertige Antwort zum Speichern</translation>
    </message>
    <message>
        <location filename="../src/app/chat/goldencasedraft.cpp" line="103"/>
        <source>nothing to save: pick an answered turn first</source>
        <translation>nichts zu speichern: zuerst einen beantworteten Zug wählen</translation>
    </message>
    <message>
        <location filename="../src/app/chat/goldencasedraft.cpp" line="105"/>
        <source>choose the set file to add the case to</source>
        <translation>die Satzdatei wählen, der der Fall hinzugefügt wird</translation>
    </message>
</context>
<context>
    <name>ladder::GoldenSetModel</name>
    <message>
        <location filename="../src/app/evaluate/goldensetmodel.cpp" line="108"/>
        <source>Untitled set</source>
        <translation>Unbenannter Satz</translation>
    </message>
    <message>
        <location filename="../src/app/evaluate/goldensetmodel.cpp" line="216"/>
        <source>Add case</source>
        <translation>Fall hinzufügen</translation>
    </message>
    <message>
        <location filename="../src/app/evaluate/goldensetmodel.cpp" line="226"/>
        <source>Duplicate case</source>
        <translation>Fall duplizieren</translation>
    </message>
    <message>
        <location filename="../src/app/evaluate/goldensetmodel.cpp" line="234"/>
        <source>Delete case</source>
        <translation>Fall löschen</translation>
    </message>
    <message>
        <location filename="../src/app/evaluate/goldensetmodel.cpp" line="274"/>
        <source>/id: a case needs an id</source>
        <translation>/id: ein Fall braucht eine ID</translation>
    </message>
    <message>
        <location filename="../src/app/evaluate/goldensetmodel.cpp" line="279"/>
        <source>/id: &quot;%1&quot; is already the id of case %2</source>
        <translation>/id: „%1“ ist schon die ID von Fall %2</translation>
    </message>
    <message>
        <location filename="../src/app/evaluate/goldensetmodel.cpp" line="295"/>
        <source>/expect/scorer: unknown scorer &quot;%1&quot; (one of %2)</source>
        <translation>/expect/scorer: unbekannter Bewerter „%1“ (einer von %2)</translation>
    </message>
    <message>
        <location filename="../src/app/evaluate/goldensetmodel.cpp" line="321"/>
        <source>unknown field &quot;%1&quot;</source>
        <translation>unbekanntes Feld „%1“</translation>
    </message>
    <message>
        <location filename="../src/app/evaluate/goldensetmodel.cpp" line="327"/>
        <source>Edit %1 of %2</source>
        <translation>%1 von %2 bearbeiten</translation>
    </message>
</context>
<context>
    <name>ladder::InsightsModel</name>
    <message>
        <location filename="../src/app/insights/insightsmodel.cpp" line="125"/>
        <source>%1 other tiers</source>
        <translation>%1 weitere Stufen</translation>
    </message>
</context>
<context>
    <name>ladder::LadderClipboard</name>
    <message>
        <location filename="../src/app/document/ladderclipboard.cpp" line="96"/>
        <location filename="../src/app/document/ladderclipboard.cpp" line="105"/>
        <source>The clipboard does not hold ladder nodes</source>
        <translation>Die Zwischenablage enthält keine Leiterknoten</translation>
    </message>
    <message>
        <location filename="../src/app/document/ladderclipboard.cpp" line="102"/>
        <source>clipboard</source>
        <translation>Zwischenablage</translation>
    </message>
    <message>
        <location filename="../src/app/document/ladderclipboard.cpp" line="177"/>
        <source>Paste</source>
        <translation>Einfügen</translation>
    </message>
    <message>
        <location filename="../src/app/document/ladderclipboard.cpp" line="198"/>
        <source>Duplicate</source>
        <translation>Duplizieren</translation>
    </message>
</context>
<context>
    <name>ladder::LadderDocument</name>
    <message>
        <location filename="../src/app/document/ladderdocument.cpp" line="51"/>
        <source>Untitled</source>
        <translation>Unbenannt</translation>
    </message>
    <message>
        <location filename="../src/app/document/ladderdocument_files.cpp" line="64"/>
        <source>New ladder</source>
        <translation>Neue Leiter</translation>
    </message>
    <message>
        <location filename="../src/app/document/ladderdocument_files.cpp" line="67"/>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <location filename="../src/app/document/ladderdocument_files.cpp" line="97"/>
        <location filename="../src/app/document/ladderdocument_files.cpp" line="204"/>
        <source>Cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <location filename="../src/app/document/ladderdocument_files.cpp" line="117"/>
        <source>Cannot read %1:
%2</source>
        <translation>%1 kann nicht gelesen werden:
%2</translation>
    </message>
    <message>
        <location filename="../src/app/document/ladderdocument_files.cpp" line="118"/>
        <location filename="../src/app/document/ladderdocument_files.cpp" line="124"/>
        <source>the document</source>
        <translation>das Dokument</translation>
    </message>
    <message>
        <location filename="../src/app/document/ladderdocument_files.cpp" line="123"/>
        <source>Cannot read %1: not a ladder document</source>
        <translation>%1 kann nicht gelesen werden: kein Leiterdokument</translation>
    </message>
    <message>
        <location filename="../src/app/document/ladderdocument_files.cpp" line="141"/>
        <source>The document has no file yet: use Save As</source>
        <translation>Das Dokument hat noch keine Datei: Verwenden Sie „Speichern unter“</translation>
    </message>
    <message>
        <location filename="../src/app/document/ladderdocument_files.cpp" line="154"/>
        <source>Cannot save %1: the document could not be serialised</source>
        <translation>%1 kann nicht gespeichert werden: Das Dokument konnte nicht serialisiert werden</translation>
    </message>
    <message>
        <location filename="../src/app/document/ladderdocument_files.cpp" line="159"/>
        <source>Cannot save %1: %2</source>
        <translation>%1 kann nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <location filename="../src/app/document/ladderdocument_files.cpp" line="209"/>
        <source>Cannot recover %1: %2</source>
        <translation>%1 kann nicht wiederhergestellt werden: %2</translation>
    </message>
    <message>
        <location filename="../src/app/document/ladderdocument_items.cpp" line="48"/>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../src/app/document/ladderdocument_items.cpp" line="52"/>
        <source>Any tier</source>
        <translation>Jede Stufe</translation>
    </message>
    <message>
        <location filename="../src/app/document/ladderdocument_items.cpp" line="68"/>
        <source>fallback: %1</source>
        <translation>Ausweichen: %1</translation>
    </message>
    <message>
        <location filename="../src/app/document/ladderdocument_items.cpp" line="78"/>
        <source>learned → %1</source>
        <translation>gelernt → %1</translation>
    </message>
    <message>
        <location filename="../src/app/document/ladderdocument_items.cpp" line="80"/>
        <source>trained · p ≥ %1</source>
        <translation>trainiert · p ≥ %1</translation>
    </message>
    <message>
        <location filename="../src/app/document/ladderdocument_items.cpp" line="80"/>
        <source>untrained</source>
        <translation>untrainiert</translation>
    </message>
    <message>
        <location filename="../src/app/document/ladderdocument_items.cpp" line="82"/>
        <source>lexicon → %1</source>
        <translation>Lexikon → %1</translation>
    </message>
    <message>
        <location filename="../src/app/document/ladderdocument_items.cpp" line="84"/>
        <source>1 pattern</source>
        <translation>1 Muster</translation>
    </message>
    <message>
        <location filename="../src/app/document/ladderdocument_items.cpp" line="84"/>
        <source>%1 patterns</source>
        <translation>%1 Muster</translation>
    </message>
    <message>
        <location filename="../src/app/document/ladderdocument_items.cpp" line="87"/>
        <source>classifier → 1 label</source>
        <translation>Klassifikator → 1 Etikett</translation>
    </message>
    <message>
        <location filename="../src/app/document/ladderdocument_items.cpp" line="88"/>
        <source>classifier → %1 labels</source>
        <translation>Klassifikator → %1 Etiketten</translation>
    </message>
    <message>
        <location filename="../src/app/document/ladderdocument_items.cpp" line="97"/>
        <source>Memory &amp; history</source>
        <translation>Gedächtnis &amp; Verlauf</translation>
    </message>
    <message>
        <location filename="../src/app/document/ladderdocument_edits.cpp" line="67"/>
        <source>New tier</source>
        <translation>Neue Stufe</translation>
    </message>
    <message>
        <location filename="../src/app/document/ladderdocument_edits.cpp" line="97"/>
        <source>Cannot add a node of kind &quot;%1&quot;</source>
        <translation>Ein Knoten der Art „%1“ kann nicht hinzugefügt werden</translation>
    </message>
    <message>
        <location filename="../src/app/document/ladderdocument_edits.cpp" line="100"/>
        <source>Add %1</source>
        <translation>%1 hinzufügen</translation>
    </message>
    <message>
        <location filename="../src/app/document/ladderdocument_edits.cpp" line="133"/>
        <source>Delete selection</source>
        <translation>Auswahl löschen</translation>
    </message>
    <message>
        <location filename="../src/app/document/ladderdocument_edits.cpp" line="172"/>
        <source>Move</source>
        <translation>Verschieben</translation>
    </message>
    <message>
        <location filename="../src/app/document/ladderdocument_edits.cpp" line="192"/>
        <source>Set entry tier</source>
        <translation>Einstiegsstufe festlegen</translation>
    </message>
    <message>
        <location filename="../src/app/document/ladderdocument_edits.cpp" line="211"/>
        <source>Connect %1 → %2</source>
        <translation>%1 → %2 verbinden</translation>
    </message>
    <message>
        <location filename="../src/app/document/ladderdocument_edits.cpp" line="230"/>
        <source>Reconnect transition</source>
        <translation>Übergang neu verbinden</translation>
    </message>
    <message>
        <location filename="../src/app/document/ladderdocument_edits.cpp" line="241"/>
        <source>Delete transition</source>
        <translation>Übergang löschen</translation>
    </message>
    <message>
        <location filename="../src/app/document/ladderdocument_edits.cpp" line="284"/>
        <source>Align %1</source>
        <translation>Ausrichten: %1</translation>
    </message>
    <message>
        <location filename="../src/app/document/ladderdocument_edits.cpp" line="314"/>
        <source>Auto-layout</source>
        <translation>Automatisch anordnen</translation>
    </message>
    <message>
        <location filename="../src/app/document/laddernames.cpp" line="129"/>
        <source>inject on switch</source>
        <translation>bei Wechsel einfügen</translation>
    </message>
    <message>
        <location filename="../src/app/document/laddernames.cpp" line="131"/>
        <source>inject every turn</source>
        <translation>in jedem Zug einfügen</translation>
    </message>
    <message>
        <location filename="../src/app/document/laddernames.cpp" line="133"/>
        <source>never injected</source>
        <translation>nie eingefügt</translation>
    </message>
    <message>
        <location filename="../src/app/document/laddernames.cpp" line="142"/>
        <source>scaffold</source>
        <translation>Gerüst</translation>
    </message>
    <message>
        <location filename="../src/app/document/laddernames.cpp" line="145"/>
        <source>summarize</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <location filename="../src/app/document/laddernames.cpp" line="147"/>
        <source>no refresh</source>
        <translation>keine Aktualisierung</translation>
    </message>
    <message>
        <location filename="../src/app/document/laddernames.cpp" line="156"/>
        <source>full</source>
        <translation>vollständig</translation>
    </message>
    <message>
        <location filename="../src/app/document/laddernames.cpp" line="158"/>
        <source>clean handoff</source>
        <translation>saubere Übergabe</translation>
    </message>
    <message>
        <location filename="../src/app/document/laddernames.cpp" line="161"/>
        <source>memory + last %1</source>
        <translation>Gedächtnis + letzte %1</translation>
    </message>
    <message>
        <location filename="../src/app/document/ladderdocument_items.cpp" line="100"/>
        <source>%1 · %2 tokens</source>
        <translation>%1 · %2 Tokens</translation>
    </message>
</context>
<context>
    <name>ladder::LadderInspector</name>
    <message>
        <location filename="../src/app/document/ladderinspector.cpp" line="216"/>
        <source>no list price</source>
        <translation>kein Listenpreis</translation>
    </message>
    <message>
        <location filename="../src/app/document/ladderinspector.cpp" line="217"/>
        <source>$%1 in · $%2 out per 1M tokens</source>
        <translation>$%1 ein · $%2 aus pro 1 Mio. Tokens</translation>
    </message>
    <message>
        <location filename="../src/app/document/ladderinspector_fields.cpp" line="378"/>
        <source>Edit %1</source>
        <translation>%1 bearbeiten</translation>
    </message>
    <message>
        <location filename="../src/app/document/ladderinspector_fields.cpp" line="430"/>
        <source>Add fallback</source>
        <translation>Ausweichmodell hinzufügen</translation>
    </message>
    <message>
        <location filename="../src/app/document/ladderinspector_fields.cpp" line="440"/>
        <source>Remove fallback</source>
        <translation>Ausweichmodell entfernen</translation>
    </message>
    <message>
        <location filename="../src/app/document/ladderinspector_fields.cpp" line="453"/>
        <source>Reorder fallback</source>
        <translation>Ausweichkette umordnen</translation>
    </message>
    <message>
        <location filename="../src/app/document/ladderinspector_fields.cpp" line="467"/>
        <source>Edit fallback</source>
        <translation>Ausweichmodell bearbeiten</translation>
    </message>
</context>
<context>
    <name>ladder::ProviderSettings</name>
    <message>
        <location filename="../src/app/settings/providersettings.cpp" line="139"/>
        <source>%1 has errors; %2</source>
        <translation>%1 enthält Fehler; %2</translation>
    </message>
    <message>
        <location filename="../src/app/settings/providersettings.cpp" line="141"/>
        <source>the providers in use stay as they were</source>
        <translation>die verwendeten Anbieter bleiben unverändert</translation>
    </message>
    <message>
        <location filename="../src/app/settings/providersettings.cpp" line="142"/>
        <source>the simulated provider answers</source>
        <translation>der simulierte Anbieter antwortet</translation>
    </message>
    <message>
        <location filename="../src/app/settings/providersettings.cpp" line="181"/>
        <source>New chats and comparisons run on the simulated provider.</source>
        <translation>Neue Chats und Vergleiche laufen auf dem simulierten Anbieter.</translation>
    </message>
    <message>
        <location filename="../src/app/settings/providersettings.cpp" line="190"/>
        <source>Not saved: fix the problems first.</source>
        <translation>Nicht gespeichert: Beheben Sie zuerst die Probleme.</translation>
    </message>
    <message>
        <location filename="../src/app/settings/providersettings.cpp" line="201"/>
        <source>Saved %1. New chats and comparisons use it.</source>
        <translation>%1 gespeichert. Neue Chats und Vergleiche verwenden sie.</translation>
    </message>
    <message>
        <location filename="../src/app/settings/providersettings.cpp" line="317"/>
        <source>%1 of %2: &quot;%3&quot; is not a timeout. Use whole milliseconds from 0 (off) to %4 (24 hours).</source>
        <translation>%1 von %2: „%3“ ist kein Zeitlimit. Erlaubt sind ganze Millisekunden von 0 (aus) bis %4 (24 Stunden).</translation>
    </message>
    <message>
        <location filename="../src/app/settings/providerentryfields.cpp" line="14"/>
        <source>Connect timeout</source>
        <translation>Zeitlimit Verbindung</translation>
    </message>
    <message>
        <location filename="../src/app/settings/providerentryfields.cpp" line="16"/>
        <source>First-token timeout</source>
        <translation>Zeitlimit erstes Token</translation>
    </message>
    <message>
        <location filename="../src/app/settings/providerentryfields.cpp" line="18"/>
        <source>Idle timeout</source>
        <translation>Zeitlimit Pause</translation>
    </message>
    <message>
        <location filename="../src/app/settings/providerentryfields.cpp" line="20"/>
        <source>Call deadline</source>
        <translation>Frist des Aufrufs</translation>
    </message>
    <message>
        <location filename="../src/app/settings/providersettings.cpp" line="308"/>
        <source>Prices of %1: &quot;%2&quot; is not a price. Write model = input / output [/ cached input], in USD per 1M tokens, items separated by &quot;;&quot;.</source>
        <translation>Preise von %1: „%2“ ist kein Preis. Schreiben Sie Modell = Eingabe / Ausgabe [/ zwischengespeicherte Eingabe], in USD pro 1 Mio. Tokens, Einträge durch „;“ getrennt.</translation>
    </message>
    <message>
        <location filename="../src/app/settings/providersettings.cpp" line="378"/>
        <source>Fix the problems of %1 before checking it.</source>
        <translation>Beheben Sie die Probleme von %1, bevor Sie es prüfen.</translation>
    </message>
    <message>
        <location filename="../src/app/settings/providersettings.cpp" line="386"/>
        <source>%1 lists no models to check.</source>
        <translation>%1 nennt keine Modelle zum Prüfen.</translation>
    </message>
    <message>
        <location filename="../src/app/settings/providersettings.cpp" line="421"/>
        <source>The key was not stored: %1</source>
        <translation>Der Schlüssel wurde nicht gespeichert: %1</translation>
    </message>
    <message>
        <location filename="../src/app/settings/providersettings.cpp" line="427"/>
        <source>The key for %1 is in the keychain item %2.</source>
        <translation>Der Schlüssel für %1 liegt im Schlüsselbund-Eintrag %2.</translation>
    </message>
    <message>
        <location filename="../src/app/settings/providersettings.cpp" line="461"/>
        <source>no key needed</source>
        <translation>kein Schlüssel nötig</translation>
    </message>
    <message>
        <location filename="../src/app/settings/providersettings.cpp" line="464"/>
        <source>%1 is not set</source>
        <translation>%1 ist nicht gesetzt</translation>
    </message>
    <message>
        <location filename="../src/app/settings/providersettings.cpp" line="465"/>
        <source>%1 is set</source>
        <translation>%1 ist gesetzt</translation>
    </message>
</context>
<context>
    <name>ladder::ScreenshotController</name>
    <message>
        <location filename="../src/app/automation/screenshotcontroller.cpp" line="61"/>
        <source>Timed out waiting for the view to become ready (held by: %1)</source>
        <translation>Zeitüberschreitung beim Warten auf die Ansicht (blockiert durch: %1)</translation>
    </message>
    <message>
        <location filename="../src/app/automation/screenshotcontroller.cpp" line="90"/>
        <source>No window to capture</source>
        <translation>Kein Fenster zum Aufnehmen</translation>
    </message>
    <message>
        <location filename="../src/app/automation/screenshotcontroller.cpp" line="131"/>
        <source>Could not grab the window</source>
        <translation>Das Fenster konnte nicht aufgenommen werden</translation>
    </message>
    <message>
        <location filename="../src/app/automation/screenshotcontroller.cpp" line="137"/>
        <location filename="../src/app/automation/screenshotcontroller.cpp" line="141"/>
        <source>Could not write %1</source>
        <translation>%1 konnte nicht geschrieben werden</translation>
    </message>
</context>
<context>
    <name>ladder::ScriptRunner</name>
    <message>
        <location filename="../src/app/shell/scriptrunner.cpp" line="129"/>
        <source>Cannot read the script %1: %2</source>
        <translation>Das Skript %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location filename="../src/app/shell/scriptrunner.cpp" line="133"/>
        <source>--script needs a ladder file with tiers</source>
        <translation>--script braucht eine Leiter-Datei mit Stufen</translation>
    </message>
</context>
<context>
    <name>ladder::ServeController</name>
    <message>
        <location filename="../src/app/export/servecontroller.cpp" line="58"/>
        <source>ladder serve did not report its address within %1 s.</source>
        <translation>ladder serve hat seine Adresse nicht innerhalb von %1 s gemeldet.</translation>
    </message>
    <message>
        <location filename="../src/app/export/servecontroller.cpp" line="180"/>
        <source>No ladder is open.</source>
        <translation>Keine Leiter geöffnet.</translation>
    </message>
    <message>
        <location filename="../src/app/export/servecontroller.cpp" line="184"/>
        <source>The ladder command was not found (looked for %1). Build or install it beside ladder-studio.</source>
        <translation>Der Befehl ladder wurde nicht gefunden (gesucht: %1). Erstellen oder installieren Sie ihn neben ladder-studio.</translation>
    </message>
    <message>
        <location filename="../src/app/export/servecontroller.cpp" line="198"/>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location filename="../src/app/export/servecontroller.cpp" line="236"/>
        <source>Cannot run %1: %2</source>
        <translation>%1 kann nicht ausgeführt werden: %2</translation>
    </message>
    <message>
        <location filename="../src/app/export/servecontroller.cpp" line="282"/>
        <source>Copied to the clipboard.</source>
        <translation>In die Zwischenablage kopiert.</translation>
    </message>
    <message>
        <location filename="../src/app/export/servecontroller.cpp" line="363"/>
        <source>ladder serve crashed</source>
        <translation>ladder serve ist abgestürzt</translation>
    </message>
    <message>
        <location filename="../src/app/export/servecontroller.cpp" line="364"/>
        <source>ladder serve exited with code %1</source>
        <translation>ladder serve wurde mit Code %1 beendet</translation>
    </message>
</context>
<context>
    <name>ladder::Studio</name>
    <message>
        <location filename="../src/app/shell/studio.cpp" line="80"/>
        <source>The session store %1 could not be opened: %2</source>
        <translation>Der Sitzungsspeicher %1 konnte nicht geöffnet werden: %2</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../src/app/shell/appcontroller.cpp" line="269"/>
        <source>Design, run and compare model ladders.</source>
        <translation>Modellleitern entwerfen, ausführen und vergleichen.</translation>
    </message>
    <message>
        <location filename="../src/app/shell/appcontroller.cpp" line="273"/>
        <source>Ladder file to open.</source>
        <translation>Zu öffnende Leiterdatei.</translation>
    </message>
    <message>
        <location filename="../src/app/shell/appcontroller.cpp" line="232"/>
        <source>Area to show: %1.</source>
        <translation>Anzuzeigender Bereich: %1.</translation>
    </message>
    <message>
        <location filename="../src/app/shell/appcontroller.cpp" line="236"/>
        <source>Render the view, save it as PNG and exit.</source>
        <translation>Die Ansicht zeichnen, als PNG speichern und beenden.</translation>
    </message>
    <message>
        <location filename="../src/app/shell/appcontroller.cpp" line="240"/>
        <source>User interface language (en, de).</source>
        <translation>Sprache der Oberfläche (en, de).</translation>
    </message>
    <message>
        <location filename="../src/app/shell/appcontroller.cpp" line="243"/>
        <source>Play the file&apos;s lines as user turns on the simulated provider, or on --providers (chat, or every column in compare).</source>
        <translation>Die Zeilen der Datei als Benutzerrunden abspielen, auf dem simulierten Anbieter oder auf --providers (Chat, oder jede Spalte im Vergleich).</translation>
    </message>
    <message>
        <location filename="../src/app/shell/appcontroller.cpp" line="250"/>
        <source>Provider configuration (providers/1 JSON) for this run; Settings can make one permanent. Keys come from the environment or the OS keychain.</source>
        <translation>Anbieterkonfiguration (providers/1-JSON) für diesen Lauf; die Einstellungen können eine dauerhaft machen. Schlüssel kommen aus der Umgebung oder dem Schlüsselbund des Systems.</translation>
    </message>
    <message>
        <location filename="../src/app/shell/appcontroller.cpp" line="257"/>
        <source>Serve the open ladder at once (Export → Serve this ladder: `ladder serve` on a free loopback port).</source>
        <translation>Die geöffnete Leiter sofort bereitstellen (Export → Diese Leiter bereitstellen: `ladder serve` auf einem freien Loopback-Port).</translation>
    </message>
    <message>
        <location filename="../src/app/shell/appcontroller.cpp" line="262"/>
        <source>Select this element of the opened ladder (tier:ID, detector:ID, memory).</source>
        <translation>Dieses Element der geöffneten Leiter auswählen (tier:ID, detector:ID, memory).</translation>
    </message>
    <message>
        <location filename="../src/app/shell/appcontroller.cpp" line="339"/>
        <source>The providers file %1 cannot be used; the simulated provider answers.
%2</source>
        <translation>Die Anbieterdatei %1 kann nicht verwendet werden; der simulierte Anbieter antwortet.
%2</translation>
    </message>
</context>
</TS>
