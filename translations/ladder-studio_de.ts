<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AuditView</name>
    <message>
        <source>Audit</source>
        <translation>Audit</translation>
    </message>
    <message>
        <source>Every call with prompt, response, model, tokens, cost and timing, searchable and exportable.</source>
        <translation type="vanished">Jeder Aufruf mit Prompt, Antwort, Modell, Tokens, Kosten und Zeiten – durchsuchbar und exportierbar.</translation>
    </message>
    <message>
        <source>Choose a session</source>
        <translation>Sitzung wählen</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Export JSONL…</source>
        <translation>JSONL exportieren…</translation>
    </message>
    <message>
        <source>%1 calls · %2 failed · %3 tokens · $%4</source>
        <translation>%1 Aufrufe · %2 fehlgeschlagen · %3 Tokens · %4 $</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Turn</source>
        <translation>Zug</translation>
    </message>
    <message>
        <source>Attempt</source>
        <translation>Versuch</translation>
    </message>
    <message>
        <source>In tok</source>
        <translation>Ein-Tok.</translation>
    </message>
    <message>
        <source>Out tok</source>
        <translation>Aus-Tok.</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>TTFT</source>
        <translation>TTFT</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <source>Choose a session to see its provider calls.</source>
        <translation>Wählen Sie eine Sitzung, um ihre Anbieteraufrufe zu sehen.</translation>
    </message>
    <message>
        <source>No calls match the filters.</source>
        <translation>Keine Aufrufe passen zu den Filtern.</translation>
    </message>
    <message>
        <source>Request as sent</source>
        <translation>Gesendete Anfrage</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>Select a call.</source>
        <translation>Wählen Sie einen Aufruf.</translation>
    </message>
    <message>
        <source>Export Calls as JSONL</source>
        <translation>Aufrufe als JSONL exportieren</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
</context>
<context>
    <name>ChatMessage</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Turn %1</source>
        <translation>Zug %1</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Resend as new branch</source>
        <translation>Als neuen Zweig senden</translation>
    </message>
    <message>
        <source>Hide details</source>
        <translation>Details ausblenden</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>routing…</source>
        <translation>Routing…</translation>
    </message>
    <message>
        <source>%1 in · %2 out tok</source>
        <translation>%1 ein · %2 aus Tok.</translation>
    </message>
    <message>
        <source>TTFT %1 · total %2</source>
        <translation>TTFT %1 · gesamt %2</translation>
    </message>
    <message>
        <source>Copy code block %1</source>
        <translation>Codeblock %1 kopieren</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>Neu erzeugen</translation>
    </message>
    <message>
        <source>Show in timeline</source>
        <translation>In der Zeitleiste zeigen</translation>
    </message>
</context>
<context>
    <name>ChatView</name>
    <message>
        <source>Chat</source>
        <translation type="vanished">Chat</translation>
    </message>
    <message>
        <source>Talk to the ladder turn by turn on the simulated provider: see which tier answers, when it escalates or falls back, and the handoff memory at each switch.</source>
        <translation type="vanished">Sprechen Sie Zug um Zug mit der Leiter auf dem simulierten Anbieter: Sehen Sie, welche Stufe antwortet, wann sie eskaliert oder ausweicht, und das Übergabegedächtnis bei jedem Wechsel.</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>Neuer Chat</translation>
    </message>
    <message>
        <source>Delete this session and its audit records</source>
        <translation>Diese Sitzung und ihre Audit-Einträge löschen</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 calls · $%4</source>
        <translation>%1 · %2 · %3 Aufrufe · %4 $</translation>
    </message>
    <message>
        <source>Chats are saved here as you go.</source>
        <translation>Chats werden hier laufend gespeichert.</translation>
    </message>
    <message>
        <source>Rename the session</source>
        <translation>Sitzung umbenennen</translation>
    </message>
    <message>
        <source>%1 · %2 turns · $%3 · %4 tokens · mean %5 ms · %6 escalations · %7 fallbacks</source>
        <translation>%1 · %2 Züge · %3 $ · %4 Tokens · Mittel %5 ms · %6 Eskalationen · %7 Ausweichungen</translation>
    </message>
    <message>
        <source>no ladder</source>
        <translation>keine Leiter</translation>
    </message>
    <message>
        <source>read-only replay</source>
        <translation>schreibgeschützte Wiedergabe</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Tempo</translation>
    </message>
    <message>
        <source>Real time</source>
        <translation>Echtzeit</translation>
    </message>
    <message>
        <source>4× faster</source>
        <translation>4× schneller</translation>
    </message>
    <message>
        <source>Instant</source>
        <translation>Sofort</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Ask something. The ladder “%1” decides which tier answers; escalations, fallbacks and handoffs appear inline.</source>
        <translation>Fragen Sie etwas. Die Leiter „%1“ entscheidet, welche Stufe antwortet; Eskalationen, Ausweichungen und Übergaben erscheinen im Verlauf.</translation>
    </message>
    <message>
        <source>Open or create a ladder in Design, then chat with it here.</source>
        <translation>Öffnen oder erstellen Sie eine Leiter im Entwurf und chatten Sie hier mit ihr.</translation>
    </message>
    <message>
        <source>A stored session is read-only: start a new chat to continue.</source>
        <translation>Eine gespeicherte Sitzung ist schreibgeschützt: Starten Sie einen neuen Chat, um fortzufahren.</translation>
    </message>
    <message>
        <source>Message the ladder (Ctrl+Enter to send)</source>
        <translation>Nachricht an die Leiter (Strg+Eingabe zum Senden)</translation>
    </message>
    <message>
        <source>Auto (router)</source>
        <translation>Automatisch (Router)</translation>
    </message>
    <message>
        <source>Force %1</source>
        <translation>%1 erzwingen</translation>
    </message>
    <message>
        <source>Tier for the next turn</source>
        <translation>Stufe für den nächsten Zug</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <source>Export Chat</source>
        <translation>Chat exportieren</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
</context>
<context>
    <name>ComingNext</name>
    <message>
        <source>Coming next</source>
        <translation>Demnächst</translation>
    </message>
</context>
<context>
    <name>CompareColumn</name>
    <message>
        <source>Remove this column</source>
        <translation>Diese Spalte entfernen</translation>
    </message>
    <message>
        <source>$%1 · %2 tokens · mean %3 ms · %4 escalations</source>
        <translation>%1 $ · %2 Tokens · Mittel %3 ms · %4 Eskalationen</translation>
    </message>
    <message>
        <source>✓ Preferred</source>
        <translation>✓ Bevorzugt</translation>
    </message>
    <message>
        <source>This one is better</source>
        <translation>Diese ist besser</translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <source>Compare</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <source>Run the same conversation through several ladders side by side and compare answers, cost and latency.</source>
        <translation type="vanished">Dasselbe Gespräch nebeneinander durch mehrere Leitern laufen lassen und Antworten, Kosten und Latenz vergleichen.</translation>
    </message>
    <message>
        <source>%1 of 4 columns</source>
        <translation>%1 von 4 Spalten</translation>
    </message>
    <message>
        <source>Add column</source>
        <translation>Spalte hinzufügen</translation>
    </message>
    <message>
        <source>Open ladder (%1)</source>
        <translation>Geöffnete Leiter (%1)</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Vorlage</translation>
    </message>
    <message>
        <source>Single-model baseline</source>
        <translation>Basislinie mit einem Modell</translation>
    </message>
    <message>
        <source>Always %1 (%2)</source>
        <translation>Immer %1 (%2)</translation>
    </message>
    <message>
        <source>Blind</source>
        <translation>Blind</translation>
    </message>
    <message>
        <source>Revealed</source>
        <translation>Aufgedeckt</translation>
    </message>
    <message>
        <source>Reveal ladders</source>
        <translation>Leitern aufdecken</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>Neu starten</translation>
    </message>
    <message>
        <source>Picks: </source>
        <translation>Wahl: </translation>
    </message>
    <message>
        <source>turn %1 → %2</source>
        <translation>Zug %1 → %2</translation>
    </message>
    <message>
        <source>Add 2 to 4 columns: the open ladder, a template or an “always &lt;tier&gt;” baseline.</source>
        <translation>Fügen Sie 2 bis 4 Spalten hinzu: die geöffnete Leiter, eine Vorlage oder eine Basislinie „immer &lt;Stufe&gt;“.</translation>
    </message>
    <message>
        <source>The same message goes to every column</source>
        <translation>Dieselbe Nachricht geht an jede Spalte</translation>
    </message>
    <message>
        <source>Send to all</source>
        <translation>An alle senden</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
</context>
<context>
    <name>DetectorInspector</name>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Aktiviert</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Lexicon (patterns raise a signal)</source>
        <translation>Lexikon (Muster lösen ein Signal aus)</translation>
    </message>
    <message>
        <source>Classifier (labels by task type)</source>
        <translation>Klassifikator (Etiketten nach Aufgabentyp)</translation>
    </message>
    <message>
        <source>Signal</source>
        <translation>Signal</translation>
    </message>
    <message>
        <source>Patterns (regular expressions, one per line)</source>
        <translation>Muster (reguläre Ausdrücke, eines pro Zeile)</translation>
    </message>
    <message>
        <source>Labels (one per line: label: pattern, pattern)</source>
        <translation>Etiketten (eines pro Zeile: Etikett: Muster, Muster)</translation>
    </message>
    <message>
        <source>Default label</source>
        <translation>Standardetikett</translation>
    </message>
    <message>
        <source>Listener tier (classifies once a model is wired)</source>
        <translation>Zuhörer-Stufe (klassifiziert, sobald ein Modell angebunden ist)</translation>
    </message>
    <message>
        <source>none (patterns only)</source>
        <translation>keine (nur Muster)</translation>
    </message>
</context>
<context>
    <name>DetectorNode</name>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
</context>
<context>
    <name>DocumentInspector</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Entry tier (answers the first turn)</source>
        <translation>Einstiegsstufe (beantwortet den ersten Zug)</translation>
    </message>
    <message>
        <source>1 tier</source>
        <translation>1 Stufe</translation>
    </message>
    <message>
        <source>%1 tiers</source>
        <translation>%1 Stufen</translation>
    </message>
    <message>
        <source>1 transition</source>
        <translation>1 Übergang</translation>
    </message>
    <message>
        <source>%1 transitions</source>
        <translation>%1 Übergänge</translation>
    </message>
    <message>
        <source>Select a node or a transition label on the canvas to edit it.</source>
        <translation>Wählen Sie einen Knoten oder die Beschriftung eines Übergangs auf der Arbeitsfläche, um ihn zu bearbeiten.</translation>
    </message>
</context>
<context>
    <name>ErrorBanner</name>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>Graph</name>
    <message>
        <source>goal change</source>
        <translation>Zieländerung</translation>
    </message>
    <message>
        <source>constraint conflict</source>
        <translation>Vorgabenkonflikt</translation>
    </message>
    <message>
        <source>missing info</source>
        <translation>fehlende Angaben</translation>
    </message>
    <message>
        <source>high stakes</source>
        <translation>hohe Tragweite</translation>
    </message>
    <message>
        <source>deep debugging</source>
        <translation>tiefe Fehlersuche</translation>
    </message>
    <message>
        <source>classification</source>
        <translation>Klassifizierung</translation>
    </message>
    <message>
        <source>manual pick</source>
        <translation>manuelle Wahl</translation>
    </message>
    <message>
        <source>escalate tool</source>
        <translation>Eskalations-Werkzeug</translation>
    </message>
    <message>
        <source>refusal</source>
        <translation>Ablehnung</translation>
    </message>
    <message>
        <source>low confidence</source>
        <translation>geringe Zuversicht</translation>
    </message>
    <message>
        <source>rate limit</source>
        <translation>Ratenlimit</translation>
    </message>
    <message>
        <source>quota exhausted</source>
        <translation>Kontingent erschöpft</translation>
    </message>
    <message>
        <source>unavailable</source>
        <translation>nicht verfügbar</translation>
    </message>
    <message>
        <source>timeout</source>
        <translation>Zeitüberschreitung</translation>
    </message>
    <message>
        <source>auth error</source>
        <translation>Anmeldefehler</translation>
    </message>
    <message>
        <source>bad request</source>
        <translation>ungültige Anfrage</translation>
    </message>
    <message>
        <source>network error</source>
        <translation>Netzwerkfehler</translation>
    </message>
    <message>
        <source>protocol error</source>
        <translation>Protokollfehler</translation>
    </message>
    <message>
        <source>truncated</source>
        <translation>abgeschnitten</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source> or </source>
        <translation> oder </translation>
    </message>
    <message>
        <source>after 1 turn</source>
        <translation>nach 1 Zug</translation>
    </message>
    <message>
        <source>after %1 turns</source>
        <translation>nach %1 Zügen</translation>
    </message>
    <message>
        <source>return after 1 turn</source>
        <translation>zurück nach 1 Zug</translation>
    </message>
    <message>
        <source>return after %1 turns</source>
        <translation>zurück nach %1 Zügen</translation>
    </message>
    <message>
        <source>label %1</source>
        <translation>Etikett %1</translation>
    </message>
    <message>
        <source>on signal</source>
        <translation>bei Signal</translation>
    </message>
    <message>
        <source>on %1</source>
        <translation>bei %1</translation>
    </message>
    <message>
        <source>confidence &lt; %1</source>
        <translation>Zuversicht &lt; %1</translation>
    </message>
    <message>
        <source>on refusal</source>
        <translation>bei Ablehnung</translation>
    </message>
    <message>
        <source>after answer</source>
        <translation>nach der Antwort</translation>
    </message>
    <message>
        <source>on failure</source>
        <translation>bei Fehler</translation>
    </message>
</context>
<context>
    <name>GraphCanvas</name>
    <message>
        <source>Ladder graph</source>
        <translation>Leitergraph</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Verkleinern</translation>
    </message>
    <message>
        <source>Actual size</source>
        <translation>Originalgröße</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Vergrößern</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>Add Tier Here</source>
        <translation>Stufe hier hinzufügen</translation>
    </message>
    <message>
        <source>Add Detector Here</source>
        <translation>Detektor hier hinzufügen</translation>
    </message>
    <message>
        <source>Add Classifier Here</source>
        <translation>Klassifikator hier hinzufügen</translation>
    </message>
    <message>
        <source>Paste Here</source>
        <translation>Hier einfügen</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Alles auswählen</translation>
    </message>
    <message>
        <source>Auto-Layout</source>
        <translation>Automatisch anordnen</translation>
    </message>
    <message>
        <source>Fit to View</source>
        <translation>In Ansicht einpassen</translation>
    </message>
</context>
<context>
    <name>InsightsView</name>
    <message>
        <source>Insights</source>
        <translation>Einblicke</translation>
    </message>
    <message>
        <source>Charts of cost per turn, tier usage, escalations and time to first token.</source>
        <translation type="vanished">Diagramme zu Kosten pro Zug, Stufennutzung, Eskalationen und Zeit bis zum ersten Token.</translation>
    </message>
    <message>
        <source>Chat session</source>
        <translation>Chat-Sitzung</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <source>Nothing to chart yet.</source>
        <translation>Noch nichts darzustellen.</translation>
    </message>
    <message>
        <source>Save as PNG…</source>
        <translation>Als PNG speichern…</translation>
    </message>
    <message>
        <source>%1 · turn %2 · $%3</source>
        <translation>%1 · Zug %2 · %3 $</translation>
    </message>
    <message>
        <source>Cumulative cost per turn</source>
        <translation>Kumulierte Kosten pro Zug</translation>
    </message>
    <message>
        <source>Turn</source>
        <translation>Zug</translation>
    </message>
    <message>
        <source>Cost (USD)</source>
        <translation>Kosten (USD)</translation>
    </message>
    <message>
        <source>TTFT (ms)</source>
        <translation>TTFT (ms)</translation>
    </message>
    <message>
        <source>Total latency (ms)</source>
        <translation>Gesamtlatenz (ms)</translation>
    </message>
    <message>
        <source>TTFT median %1 ms</source>
        <translation>TTFT-Median %1 ms</translation>
    </message>
    <message>
        <source>Latency median %1 ms</source>
        <translation>Latenz-Median %1 ms</translation>
    </message>
    <message>
        <source>Latency distribution</source>
        <translation>Latenzverteilung</translation>
    </message>
    <message>
        <source>Milliseconds</source>
        <translation>Millisekunden</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>%1: %2 tokens</source>
        <translation>%1: %2 Tokens</translation>
    </message>
    <message>
        <source>Tokens by tier (input + output)</source>
        <translation>Tokens nach Stufe (Eingabe + Ausgabe)</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Escalations</source>
        <translation>Eskalationen</translation>
    </message>
    <message>
        <source>Fallbacks</source>
        <translation>Ausweichungen</translation>
    </message>
    <message>
        <source>Retries</source>
        <translation>Wiederholungen</translation>
    </message>
    <message>
        <source>Failed turns</source>
        <translation>Fehlgeschlagene Züge</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Escalations and fallbacks</source>
        <translation>Eskalationen und Ausweichungen</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>Save Charts as PNG</source>
        <translation>Diagramme als PNG speichern</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <source>Tier</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Transition</source>
        <translation>Übergang</translation>
    </message>
    <message>
        <source>Detector</source>
        <translation>Detektor</translation>
    </message>
    <message>
        <source>Memory &amp; history</source>
        <translation>Gedächtnis &amp; Verlauf</translation>
    </message>
    <message>
        <source>%1 elements selected</source>
        <translation>%1 Elemente ausgewählt</translation>
    </message>
    <message>
        <source>Ladder</source>
        <translation>Leiter</translation>
    </message>
    <message>
        <source>Align the selected nodes, duplicate them (Ctrl+D), copy them to another ladder (Ctrl+C) or delete them (Delete).</source>
        <translation>Ausgewählte Knoten ausrichten, duplizieren (Strg+D), in eine andere Leiter kopieren (Strg+C) oder löschen (Entf).</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Links</translation>
    </message>
    <message>
        <source>Centre</source>
        <translation>Mitte</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Rechts</translation>
    </message>
    <message>
        <source>Top</source>
        <translation>Oben</translation>
    </message>
    <message>
        <source>Middle</source>
        <translation>Mittig</translation>
    </message>
    <message>
        <source>Bottom</source>
        <translation>Unten</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>&amp;New Ladder</source>
        <translation>&amp;Neue Leiter</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen …</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Speichern &amp;unter …</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>&amp;Rückgängig: %1</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>&amp;Wiederholen: %1</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>&amp;Ausschneiden</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Einfügen</translation>
    </message>
    <message>
        <source>&amp;Duplicate</source>
        <translation>&amp;Duplizieren</translation>
    </message>
    <message>
        <source>De&amp;lete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>&amp;Alles auswählen</translation>
    </message>
    <message>
        <source>Auto-&amp;Layout</source>
        <translation>Automatisch an&amp;ordnen</translation>
    </message>
    <message>
        <source>&amp;Fit to View</source>
        <translation>In Ansicht &amp;einpassen</translation>
    </message>
    <message>
        <source>Actual &amp;Size</source>
        <translation>&amp;Originalgröße</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>&amp;Vergrößern</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>New from &amp;Template</source>
        <translation>Neu aus &amp;Vorlage</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>Clear Recent Files</source>
        <translation>Liste leeren</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Align</source>
        <translation>&amp;Ausrichten</translation>
    </message>
    <message>
        <source>Left Edges</source>
        <translation>Linke Kanten</translation>
    </message>
    <message>
        <source>Horizontal Centres</source>
        <translation>Horizontale Mitten</translation>
    </message>
    <message>
        <source>Right Edges</source>
        <translation>Rechte Kanten</translation>
    </message>
    <message>
        <source>Top Edges</source>
        <translation>Obere Kanten</translation>
    </message>
    <message>
        <source>Vertical Centres</source>
        <translation>Vertikale Mitten</translation>
    </message>
    <message>
        <source>Bottom Edges</source>
        <translation>Untere Kanten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Snap to &amp;Grid</source>
        <translation>Am &amp;Raster ausrichten</translation>
    </message>
    <message>
        <source>&amp;Dark Theme</source>
        <translation>&amp;Dunkles Design</translation>
    </message>
    <message>
        <source>Open Ladder</source>
        <translation>Leiter öffnen</translation>
    </message>
    <message>
        <source>Ladder files (*.json)</source>
        <translation>Leiterdateien (*.json)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Save Ladder As</source>
        <translation>Leiter speichern unter</translation>
    </message>
    <message>
        <source>Save changes?</source>
        <translation>Änderungen speichern?</translation>
    </message>
    <message>
        <source>“%1” has changes that are not saved. Save them before continuing?</source>
        <translation>„%1“ enthält ungespeicherte Änderungen. Vor dem Fortfahren speichern?</translation>
    </message>
    <message>
        <source>Recover unsaved work?</source>
        <translation>Ungespeicherte Arbeit wiederherstellen?</translation>
    </message>
    <message>
        <source>Ladder Studio did not close properly last time. An autosaved copy of the ladder you were editing is available.</source>
        <translation>Ladder Studio wurde beim letzten Mal nicht ordnungsgemäß beendet. Eine automatisch gespeicherte Kopie der bearbeiteten Leiter ist verfügbar.</translation>
    </message>
</context>
<context>
    <name>MemoryInspector</name>
    <message>
        <source>Inject memory</source>
        <translation>Gedächtnis einfügen</translation>
    </message>
    <message>
        <source>When the tier changes</source>
        <translation>Beim Stufenwechsel</translation>
    </message>
    <message>
        <source>Every turn</source>
        <translation>In jedem Zug</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>Refresh memory</source>
        <translation>Gedächtnis aktualisieren</translation>
    </message>
    <message>
        <source>Scaffold (strong tiers emit a handoff block)</source>
        <translation>Gerüst (starke Stufen liefern einen Übergabeblock)</translation>
    </message>
    <message>
        <source>Summarize (a summarising call)</source>
        <translation>Zusammenfassen (ein eigener Aufruf)</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Budget (tokens)</source>
        <translation>Budget (Tokens)</translation>
    </message>
    <message>
        <source>Fields kept (none checked: all)</source>
        <translation>Behaltene Felder (keins markiert: alle)</translation>
    </message>
    <message>
        <source>History the next tier sees</source>
        <translation>Verlauf, den die nächste Stufe sieht</translation>
    </message>
    <message>
        <source>Full history</source>
        <translation>Gesamter Verlauf</translation>
    </message>
    <message>
        <source>Clean handoff</source>
        <translation>Saubere Übergabe</translation>
    </message>
    <message>
        <source>Memory + last k turns</source>
        <translation>Gedächtnis + letzte k Züge</translation>
    </message>
    <message>
        <source>Last k turns</source>
        <translation>Letzte k Züge</translation>
    </message>
</context>
<context>
    <name>MemoryPanel</name>
    <message>
        <source>Handoff memory</source>
        <translation>Übergabegedächtnis</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Version %1 by %2</source>
        <translation>Version %1 von %2</translation>
    </message>
    <message>
        <source>Empty: the strong tier writes it at the first handoff.</source>
        <translation>Leer: Die starke Stufe schreibt es bei der ersten Übergabe.</translation>
    </message>
    <message>
        <source>%1 / %2 tokens</source>
        <translation>%1 / %2 Tokens</translation>
    </message>
    <message>
        <source>Over budget: the lowest-priority fields are trimmed when injected.</source>
        <translation>Über dem Budget: Felder mit der niedrigsten Priorität werden beim Einfügen gekürzt.</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Felder</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Turn %1</source>
        <translation>Zug %1</translation>
    </message>
    <message>
        <source>At turn</source>
        <translation>Bei Zug</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>geändert</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Übernehmen</translation>
    </message>
    <message>
        <source>One item per line</source>
        <translation>Ein Eintrag pro Zeile</translation>
    </message>
    <message>
        <source>v%1 · after turn %2 · %3</source>
        <translation>v%1 · nach Zug %2 · %3</translation>
    </message>
    <message>
        <source>Diff</source>
        <translation>Diff</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>leer</translation>
    </message>
    <message>
        <source>No differences.</source>
        <translation>Keine Unterschiede.</translation>
    </message>
    <message>
        <source>Click a turn in the timeline to see the memory as it was then.</source>
        <translation>Klicken Sie auf einen Zug in der Zeitleiste, um das Gedächtnis zu diesem Zeitpunkt zu sehen.</translation>
    </message>
    <message>
        <source>Injected at turn %1</source>
        <translation>Eingefügt bei Zug %1</translation>
    </message>
    <message>
        <source>Nothing was injected on this turn.</source>
        <translation>In diesem Zug wurde nichts eingefügt.</translation>
    </message>
    <message>
        <source>Memory after turn %1 (v%2)</source>
        <translation>Gedächtnis nach Zug %1 (v%2)</translation>
    </message>
</context>
<context>
    <name>NavRail</name>
    <message>
        <source>Design</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <source>Insights</source>
        <translation>Einblicke</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>Audit</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
</context>
<context>
    <name>NodeDelegate</name>
    <message>
        <source>Drag to a tier to add a transition</source>
        <translation>Auf eine Stufe ziehen, um einen Übergang anzulegen</translation>
    </message>
</context>
<context>
    <name>NodePalette</name>
    <message>
        <source>Add nodes</source>
        <translation>Knoten hinzufügen</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>A model slot</source>
        <translation>Ein Modellplatz</translation>
    </message>
    <message>
        <source>Detector</source>
        <translation>Detektor</translation>
    </message>
    <message>
        <source>Patterns raising a signal</source>
        <translation>Muster lösen ein Signal aus</translation>
    </message>
    <message>
        <source>Classifier</source>
        <translation>Klassifikator</translation>
    </message>
    <message>
        <source>Routes by task type</source>
        <translation>Leitet nach Aufgabentyp</translation>
    </message>
    <message>
        <source>Drag onto the canvas, or click to add in the middle. Drag from a node's right port to a tier to connect.</source>
        <translation>Auf die Arbeitsfläche ziehen oder klicken, um in der Mitte hinzuzufügen. Vom rechten Anschluss eines Knotens auf eine Stufe ziehen, um zu verbinden.</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>Legende</translation>
    </message>
    <message>
        <source>Step after turns</source>
        <translation>Schritt nach Zügen</translation>
    </message>
    <message>
        <source>Escalate on signal</source>
        <translation>Eskalation bei Signal</translation>
    </message>
    <message>
        <source>Re-answer after reply</source>
        <translation>Neu beantworten nach Antwort</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Rückkehr</translation>
    </message>
    <message>
        <source>On failure (fallback)</source>
        <translation>Bei Fehler (Ausweichen)</translation>
    </message>
</context>
<context>
    <name>ProblemsPanel</name>
    <message>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <source>✓ No problems: the ladder is valid</source>
        <translation>✓ Keine Probleme: Die Leiter ist gültig</translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Erscheinungsbild</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Design</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <source>Unsaved changes are autosaved every 30 seconds to %1 and offered for recovery on the next start.</source>
        <translation>Ungespeicherte Änderungen werden alle 30 Sekunden nach %1 gesichert und beim nächsten Start zur Wiederherstellung angeboten.</translation>
    </message>
    <message>
        <source>Clear Recent Files (%1)</source>
        <translation>Zuletzt geöffnete Dateien leeren (%1)</translation>
    </message>
    <message>
        <source>Ladder Studio %1 · Qt %2</source>
        <translation>Ladder Studio %1 · Qt %2</translation>
    </message>
</context>
<context>
    <name>TierInspector</name>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>Temperatur</translation>
    </message>
    <message>
        <source>default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Max tokens</source>
        <translation>Max. Tokens</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>Systemprompt</translation>
    </message>
    <message>
        <source>Instructions for this tier</source>
        <translation>Anweisungen für diese Stufe</translation>
    </message>
    <message>
        <source>Fallback chain (tried in order when the model fails)</source>
        <translation>Ausweichkette (der Reihe nach versucht, wenn das Modell ausfällt)</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Add fallback model</source>
        <translation>Ausweichmodell hinzufügen</translation>
    </message>
    <message>
        <source>Offer the escalate(reason, question) tool</source>
        <translation>Werkzeug escalate(reason, question) anbieten</translation>
    </message>
    <message>
        <source>Colour (shared with the chat timeline)</source>
        <translation>Farbe (auch in der Chat-Zeitleiste)</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Make this the entry tier</source>
        <translation>Zur Einstiegsstufe machen</translation>
    </message>
</context>
<context>
    <name>TierNode</name>
    <message>
        <source>%1 in · %2 out per Mtok</source>
        <translation>%1 ein · %2 aus pro Mio. Tokens</translation>
    </message>
    <message>
        <source>⤴ tool</source>
        <translation>⤴ Tool</translation>
    </message>
</context>
<context>
    <name>TierTimeline</name>
    <message>
        <source>The tier timeline fills as turns are answered.</source>
        <translation>Die Stufen-Zeitleiste füllt sich, während Züge beantwortet werden.</translation>
    </message>
    <message>
        <source>cost / turn</source>
        <translation>Kosten / Zug</translation>
    </message>
    <message>
        <source>Turn %1 · %2 · %3 · $%4</source>
        <translation>Zug %1 · %2 · %3 · %4 $</translation>
    </message>
</context>
<context>
    <name>TransitionInspector</name>
    <message>
        <source>After N turns (step down)</source>
        <translation>Nach N Zügen (abstufen)</translation>
    </message>
    <message>
        <source>On a signal before the turn</source>
        <translation>Bei einem Signal vor dem Zug</translation>
    </message>
    <message>
        <source>After the answer (re-answer)</source>
        <translation>Nach der Antwort (neu beantworten)</translation>
    </message>
    <message>
        <source>Return after N turns</source>
        <translation>Rückkehr nach N Zügen</translation>
    </message>
    <message>
        <source>On provider failure</source>
        <translation>Bei Anbieterfehler</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>any tier (*)</source>
        <translation>jede Stufe (*)</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Nach</translation>
    </message>
    <message>
        <source>where it came from</source>
        <translation>dorthin, woher sie kam</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Bedingung</translation>
    </message>
    <message>
        <source>Turns</source>
        <translation>Züge</translation>
    </message>
    <message>
        <source>Signals (any of)</source>
        <translation>Signale (eines davon)</translation>
    </message>
    <message>
        <source>Classification labels (comma separated)</source>
        <translation>Klassifizierungsetiketten (durch Kommas getrennt)</translation>
    </message>
    <message>
        <source>e.g. code, math</source>
        <translation>z. B. code, math</translation>
    </message>
    <message>
        <source>Low confidence below</source>
        <translation>Geringe Zuversicht unter</translation>
    </message>
    <message>
        <source>Errors (any of)</source>
        <translation>Fehler (einer davon)</translation>
    </message>
    <message>
        <source>Delete transition</source>
        <translation>Übergang löschen</translation>
    </message>
</context>
<context>
    <name>ladder::AuditCallModel</name>
    <message>
        <source>The audit store is not open</source>
        <translation>Der Audit-Speicher ist nicht geöffnet</translation>
    </message>
    <message>
        <source>Call %1 is not in the store. %2</source>
        <translation>Aufruf %1 ist nicht gespeichert. %2</translation>
    </message>
    <message>
        <source>No session to export</source>
        <translation>Keine Sitzung zum Exportieren</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Cannot export to %1: %2</source>
        <translation>Export nach %1 nicht möglich: %2</translation>
    </message>
</context>
<context>
    <name>ladder::ChatSessionModel</name>
    <message>
        <source>No template named "%1"</source>
        <translation>Keine Vorlage namens „%1“</translation>
    </message>
    <message>
        <source>Template "%1" does not parse</source>
        <translation>Die Vorlage „%1“ lässt sich nicht lesen</translation>
    </message>
    <message>
        <source>Fault schedule: %1</source>
        <translation>Fehlerplan: %1</translation>
    </message>
    <message>
        <source>The session did not accept the turn</source>
        <translation>Die Sitzung hat den Zug nicht angenommen</translation>
    </message>
    <message>
        <source>↳ escalated to %1: %2</source>
        <translation>↳ eskaliert an %1: %2</translation>
    </message>
    <message>
        <source>Tool call: escalate(reason: "%1", question: "%2")</source>
        <translation>Werkzeugaufruf: escalate(reason: "%1", question: "%2")</translation>
    </message>
    <message>
        <source>Question: %1</source>
        <translation>Frage: %1</translation>
    </message>
    <message>
        <source>Discarded answer from %1:</source>
        <translation>Verworfene Antwort von %1:</translation>
    </message>
    <message>
        <source>Signal before the turn: %1</source>
        <translation>Signal vor dem Zug: %1</translation>
    </message>
    <message>
        <source>handoff %1 → %2 · memory v%3 injected (%4 tokens)</source>
        <translation>Übergabe %1 → %2 · Gedächtnis v%3 eingefügt (%4 Tokens)</translation>
    </message>
    <message>
        <source>handoff %1 → %2 · no memory injected</source>
        <translation>Übergabe %1 → %2 · kein Gedächtnis eingefügt</translation>
    </message>
    <message>
        <source>%1 on %2, retry %3 after %4 ms</source>
        <translation>%1 bei %2, Wiederholung %3 nach %4 ms</translation>
    </message>
    <message>
        <source>%1 on %2, falling back to tier %3 (%4)</source>
        <translation>%1 bei %2, Ausweichen auf Stufe %3 (%4)</translation>
    </message>
    <message>
        <source>%1 on %2, falling back to %3</source>
        <translation>%1 bei %2, Ausweichen auf %3</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Gestoppt</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Session %1 is not in the store: %2</source>
        <translation>Sitzung %1 ist nicht gespeichert: %2</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <source>Ladder: %1 · session %2</source>
        <translation>Leiter: %1 · Sitzung %2</translation>
    </message>
    <message>
        <source>User (turn %1)</source>
        <translation>Benutzer (Zug %1)</translation>
    </message>
    <message>
        <source>%1 in / %2 out tokens · $%3 · TTFT %4 ms · %5 ms</source>
        <translation>%1 Eingabe- / %2 Ausgabe-Tokens · %3 $ · TTFT %4 ms · %5 ms</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>ladder::CompareModel</name>
    <message>
        <source>always %1</source>
        <translation>immer %1</translation>
    </message>
    <message>
        <source>Single-model baseline: every turn on %1.</source>
        <translation>Basislinie mit einem Modell: jeder Zug auf %1.</translation>
    </message>
    <message>
        <source>Ladder %1</source>
        <translation>Leiter %1</translation>
    </message>
</context>
<context>
    <name>ladder::LadderDocument</name>
    <message>
        <source>Untitled</source>
        <translation>Unbenannt</translation>
    </message>
    <message>
        <source>New ladder</source>
        <translation>Neue Leiter</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <source>No template named "%1"</source>
        <translation>Keine Vorlage namens „%1“</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Cannot read %1:
%2</source>
        <translation>%1 kann nicht gelesen werden:
%2</translation>
    </message>
    <message>
        <source>the document</source>
        <translation>das Dokument</translation>
    </message>
    <message>
        <source>Cannot read %1: not a ladder document</source>
        <translation>%1 kann nicht gelesen werden: kein Leiterdokument</translation>
    </message>
    <message>
        <source>The document has no file yet: use Save As</source>
        <translation>Das Dokument hat noch keine Datei: Verwenden Sie „Speichern unter“</translation>
    </message>
    <message>
        <source>Cannot save %1: the document could not be serialised</source>
        <translation>%1 kann nicht gespeichert werden: Das Dokument konnte nicht serialisiert werden</translation>
    </message>
    <message>
        <source>Cannot save %1: %2</source>
        <translation>%1 kann nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>Cannot recover %1: %2</source>
        <translation>%1 kann nicht wiederhergestellt werden: %2</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Any tier</source>
        <translation>Jede Stufe</translation>
    </message>
    <message>
        <source>fallback: %1</source>
        <translation>Ausweichen: %1</translation>
    </message>
    <message>
        <source>lexicon → %1</source>
        <translation>Lexikon → %1</translation>
    </message>
    <message>
        <source>1 pattern</source>
        <translation>1 Muster</translation>
    </message>
    <message>
        <source>%1 patterns</source>
        <translation>%1 Muster</translation>
    </message>
    <message>
        <source>classifier → 1 label</source>
        <translation>Klassifikator → 1 Etikett</translation>
    </message>
    <message>
        <source>classifier → %1 labels</source>
        <translation>Klassifikator → %1 Etiketten</translation>
    </message>
    <message>
        <source>Memory &amp; history</source>
        <translation>Gedächtnis &amp; Verlauf</translation>
    </message>
    <message>
        <source>memory: %1 · %2</source>
        <translation type="vanished">Gedächtnis: %1 · %2</translation>
    </message>
    <message>
        <source>history: memory + last %1 · %2 tokens</source>
        <translation type="vanished">Verlauf: Gedächtnis + letzte %1 · %2 Tokens</translation>
    </message>
    <message>
        <source>history: %1 · %2 tokens</source>
        <translation type="vanished">Verlauf: %1 · %2 Tokens</translation>
    </message>
    <message>
        <source>New tier</source>
        <translation>Neue Stufe</translation>
    </message>
    <message>
        <source>Cannot add a node of kind "%1"</source>
        <translation>Ein Knoten der Art „%1“ kann nicht hinzugefügt werden</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>%1 hinzufügen</translation>
    </message>
    <message>
        <source>Delete selection</source>
        <translation>Auswahl löschen</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Verschieben</translation>
    </message>
    <message>
        <source>Set entry tier</source>
        <translation>Einstiegsstufe festlegen</translation>
    </message>
    <message>
        <source>Connect %1 → %2</source>
        <translation>%1 → %2 verbinden</translation>
    </message>
    <message>
        <source>Reconnect transition</source>
        <translation>Übergang neu verbinden</translation>
    </message>
    <message>
        <source>Delete transition</source>
        <translation>Übergang löschen</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>%1 bearbeiten</translation>
    </message>
    <message>
        <source>Add fallback</source>
        <translation>Ausweichmodell hinzufügen</translation>
    </message>
    <message>
        <source>Remove fallback</source>
        <translation>Ausweichmodell entfernen</translation>
    </message>
    <message>
        <source>Reorder fallback</source>
        <translation>Ausweichkette umordnen</translation>
    </message>
    <message>
        <source>Edit fallback</source>
        <translation>Ausweichmodell bearbeiten</translation>
    </message>
    <message>
        <source>no list price</source>
        <translation>kein Listenpreis</translation>
    </message>
    <message>
        <source>$%1 in · $%2 out per 1M tokens</source>
        <translation>$%1 ein · $%2 aus pro 1 Mio. Tokens</translation>
    </message>
    <message>
        <source>The clipboard does not hold ladder nodes</source>
        <translation>Die Zwischenablage enthält keine Leiterknoten</translation>
    </message>
    <message>
        <source>clipboard</source>
        <translation>Zwischenablage</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>Einfügen</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplizieren</translation>
    </message>
    <message>
        <source>Align %1</source>
        <translation>Ausrichten: %1</translation>
    </message>
    <message>
        <source>Auto-layout</source>
        <translation>Automatisch anordnen</translation>
    </message>
    <message>
        <source>inject on switch</source>
        <translation>bei Wechsel einfügen</translation>
    </message>
    <message>
        <source>inject every turn</source>
        <translation>in jedem Zug einfügen</translation>
    </message>
    <message>
        <source>never injected</source>
        <translation>nie eingefügt</translation>
    </message>
    <message>
        <source>scaffold</source>
        <translation>Gerüst</translation>
    </message>
    <message>
        <source>summarize</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>no refresh</source>
        <translation>keine Aktualisierung</translation>
    </message>
    <message>
        <source>full</source>
        <translation>vollständig</translation>
    </message>
    <message>
        <source>clean handoff</source>
        <translation>saubere Übergabe</translation>
    </message>
    <message>
        <source>memory + last %1</source>
        <translation>Gedächtnis + letzte %1</translation>
    </message>
    <message>
        <source>%1 · %2 tokens</source>
        <translation>%1 · %2 Tokens</translation>
    </message>
</context>
<context>
    <name>ladder::MemoryModel</name>
    <message>
        <source>Edit %1</source>
        <translation>%1 bearbeiten</translation>
    </message>
</context>
<context>
    <name>ladder::ScreenshotController</name>
    <message>
        <source>Timed out waiting for the view to become ready (held by: %1)</source>
        <translation>Zeitüberschreitung beim Warten auf die Ansicht (blockiert durch: %1)</translation>
    </message>
    <message>
        <source>No window to capture</source>
        <translation>Kein Fenster zum Aufnehmen</translation>
    </message>
    <message>
        <source>Could not grab the window</source>
        <translation>Das Fenster konnte nicht aufgenommen werden</translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation>%1 konnte nicht geschrieben werden</translation>
    </message>
</context>
<context>
    <name>ladder::SessionListModel</name>
    <message>
        <source>Untitled chat</source>
        <translation>Unbenannter Chat</translation>
    </message>
</context>
<context>
    <name>ladder::Studio</name>
    <message>
        <source>The session store %1 could not be opened: %2</source>
        <translation>Der Sitzungsspeicher %1 konnte nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Cannot read the script %1: %2</source>
        <translation>Das Skript %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>--script needs a ladder file with tiers</source>
        <translation>--script braucht eine Leiter-Datei mit Stufen</translation>
    </message>
</context>
<context>
    <name>ladder::TimelineModel</name>
    <message>
        <source>Escalated: %1</source>
        <translation>Eskaliert: %1</translation>
    </message>
    <message>
        <source>Fallback: %1</source>
        <translation>Ausweichen: %1</translation>
    </message>
    <message>
        <source>Handoff: %1</source>
        <translation>Übergabe: %1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Design, run and compare model ladders.</source>
        <translation>Modellleitern entwerfen, ausführen und vergleichen.</translation>
    </message>
    <message>
        <source>Ladder file to open.</source>
        <translation>Zu öffnende Leiterdatei.</translation>
    </message>
    <message>
        <source>Area to show: %1.</source>
        <translation>Anzuzeigender Bereich: %1.</translation>
    </message>
    <message>
        <source>Render the view, save it as PNG and exit.</source>
        <translation>Die Ansicht zeichnen, als PNG speichern und beenden.</translation>
    </message>
    <message>
        <source>User interface language (en, de).</source>
        <translation>Sprache der Oberfläche (en, de).</translation>
    </message>
    <message>
        <source>Play the file's lines as user turns on the simulated provider (chat, or every column in compare).</source>
        <translation>Die Zeilen der Datei als Benutzerzüge auf dem simulierten Anbieter abspielen (Chat oder jede Spalte im Vergleich).</translation>
    </message>
</context>
</TS>