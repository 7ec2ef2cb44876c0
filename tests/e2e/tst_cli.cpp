// The `ladder` command line end to end: the real binary, real files, real SQLite.

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

// The user's data folder of every run (where `ladder chat` keeps its default response cache),
// so the tests never write into the real one.
QString dataHome()
{
    static QTemporaryDir dir;
    return dir.path();
}

QString defaultCacheFile()
{
    return dataHome() + QStringLiteral("/Ladder Studio/ladder/response-cache.sqlite");
}

Run ladderRun(const QStringList &args, const QByteArray &stdinData = {})
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_DATA_HOME"), dataHome());
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(LADDER_CLI), args);
    if (!stdinData.isNull())
        p.write(stdinData);
    p.closeWriteChannel();
    if (!p.waitForFinished(60000))
        qFatal("ladder %s did not finish", qPrintable(args.join(' ')));
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2,
            QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

QString example(const QString &name)
{
    return QStringLiteral(LADDER_SOURCE_DIR "/resources/ladders/%1.json").arg(name);
}

QList<QJsonObject> jsonLines(const QString &out)
{
    QList<QJsonObject> events;
    for (const QString &line : out.split('\n', Qt::SkipEmptyParts)) {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(line.toUtf8(), &error);
        if (error.error != QJsonParseError::NoError)
            qFatal("not a JSON line: %s", qPrintable(line));
        events.append(doc.object());
    }
    return events;
}

QStringList completedTiers(const QList<QJsonObject> &events)
{
    QStringList tiers;
    for (const QJsonObject &e : events) {
        if (e["event"] == "turn_completed")
            tiers << e["tier"].toString();
    }
    return tiers;
}

// The rows a query reads from an SQLite file, each as its columns joined with '|'.
QStringList sqlRows(const QString &file, const QString &query)
{
    QStringList rows;
    {
        QSqlDatabase sql = QSqlDatabase::addDatabase("QSQLITE", "check");
        sql.setDatabaseName(file);
        if (!sql.open())
            qFatal("cannot open %s", qPrintable(file));
        QSqlQuery q(sql);
        if (!q.exec(query))
            qFatal("cannot run %s", qPrintable(query));
        while (q.next()) {
            QStringList columns;
            for (int i = 0; i < q.record().count(); ++i)
                columns << q.value(i).toString();
            rows << columns.join('|');
        }
    }
    QSqlDatabase::removeDatabase("check");
    return rows;
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &content)
{
    QFile f(dir.filePath(name));
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(f.fileName()));
    f.write(content);
    return f.fileName();
}

const QByteArray kFramingScript =
    "I want to build a small command-line tool that renames photos by the date they were taken.\n"
    "It must run on Linux and macOS and use only the Python standard library.\n"
    "# comments and blank lines are skipped\n\n"
    "Write the function that reads the date from the EXIF data.\n"
    "Now add a dry-run flag that prints what would change.\n"
    "Is it legal to scan my coworkers' photos for GPS data, and is it a security risk?\n"
    "Add a short usage section to the README.\n";

// framing with its light tier on the user's own server ("my-vllm", model "my-model", not in the
// built-in pricing table), and a providers file defining that id (simulated here, so no server is
// needed) with or without a price for the model.
QString ownLadder(const QTemporaryDir &dir)
{
    QFile framing(example("framing"));
    if (!framing.open(QIODevice::ReadOnly))
        qFatal("cannot read framing");
    QByteArray json = framing.readAll();
    json.replace("\"provider\": \"openai\",\n            \"model\": \"gpt-5.4-mini\"",
                 "\"provider\": \"my-vllm\",\n            \"model\": \"my-model\"");
    if (!json.contains("my-vllm"))
        qFatal("framing.json changed: no light tier on gpt-5.4-mini");
    return writeFile(dir, "own.json", json);
}

QString ownProviders(const QTemporaryDir &dir, bool priced)
{
    const QByteArray prices = priced ? R"(, "prices": {"my-model": {"input_per_mtok": 1.5,
        "output_per_mtok": 6, "cached_input_per_mtok": 0.15}})"
                                     : "";
    return writeFile(dir, priced ? "priced.json" : "providers.json",
                     R"({"format": "providers/1", "providers": [
        {"id": "my-vllm", "kind": "simulated", "models": ["my-model"])" +
                         prices + R"(},
        {"id": "openai", "kind": "simulated", "models": ["gpt-5.4"]},
        {"id": "anthropic", "kind": "simulated", "models": ["claude-sonnet-4-6"]},
        {"id": "gemini", "kind": "simulated", "models": ["gemini-3-flash-preview"]}]})");
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private slots:
    void validateAcceptsEveryExample()
    {
        const QStringList names{"framing", "step-down", "escalation-tool",
                                "listener-worker-reasoner", "task-registry"};
        QStringList files;
        for (const QString &n : names)
            files << example(n);
        const Run r = ladderRun(QStringList{"validate"} + files);
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.count(": ok\n"), 5);
        QVERIFY(r.err.isEmpty());
    }

    void validateNamesFileAndPath_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("expected");
        QFile framing(example("framing"));
        QVERIFY(framing.open(QIODevice::ReadOnly));
        const QByteArray good = framing.readAll();
        QByteArray dangling = good;
        dangling.replace("\"to\": \"light\"", "\"to\": \"mid\"");
        QByteArray wrongType = good;
        wrongType.replace("\"temperature\": 0.2", "\"temperature\": \"warm\"");
        QTest::newRow("syntax error") << good.left(good.size() / 2) << "broken.json: line ";
        QTest::newRow("dangling tier id") << dangling << "broken.json: /transitions/";
        QTest::newRow("wrong type") << wrongType << "broken.json: /tiers/0/params/temperature: ";
        QTest::newRow("not an object") << QByteArray("[1, 2]") << "broken.json: ";
        QTest::newRow("empty file") << QByteArray() << "broken.json: ";
    }
    void validateNamesFileAndPath()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString file = writeFile(dir, "broken.json", content);
        const Run r = ladderRun({"validate", file});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(expected), qPrintable(r.err));
        QVERIFY(r.err.contains(file)); // the file as the user named it
    }

    void validateMissingFileIsAnError()
    {
        const Run r = ladderRun({"validate", "/nonexistent/ladder.json"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("/nonexistent/ladder.json"));
    }

    // A ladder on a provider id that only the providers file defines is checked against that
    // file (not the built-in ids), in `validate --providers` and in `chat --providers`; a model
    // without a price is a warning, and runs.
    void ownProviderIdsComeFromTheProvidersFile_data()
    {
        QTest::addColumn<QStringList>("args"); // LADDER and PROVIDERS stand for the test's files
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("out");
        QTest::addColumn<QString>("err");
        const QString warning = "/tiers/1/model: warning: no price for model \"my-model\"";
        QTest::newRow("validate, no providers file")
            << QStringList{"validate", "LADDER"} << 1 << QString()
            << "/tiers/1/provider: unknown provider \"my-vllm\"";
        QTest::newRow("validate --providers")
            << QStringList{"validate", "--providers", "PROVIDERS", "LADDER"} << 0 << warning
            << QString();
        QTest::newRow("validate --providers with a price")
            << QStringList{"validate", "--providers", "PRICED", "LADDER"} << 0 << ": ok"
            << QString();
        QTest::newRow("chat, no providers file")
            << QStringList{"chat", "LADDER", "--script", "-"} << 1 << QString()
            << "unknown provider \"my-vllm\"";
        QTest::newRow("chat --providers: the cost is unknown")
            << QStringList{"chat", "LADDER", "--script", "-", "--providers", "PROVIDERS"} << 0
            << "[light: my-model] " << warning;
        QTest::newRow("chat --providers /dev/zero")
            << QStringList{"chat", "LADDER", "--providers", "/dev/zero"} << 2 << QString()
            << "/dev/zero: the file is larger than 16 MiB, the limit for ladder and providers "
               "files";
        QTest::newRow("validate /dev/zero")
            << QStringList{"validate", "/dev/zero"} << 1 << QString()
            << "/dev/zero: the file is larger than 16 MiB, the limit for ladder and providers "
               "files";
    }
    void ownProviderIdsComeFromTheProvidersFile()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, out);
        QFETCH(QString, err);
        QTemporaryDir dir;
        args.replaceInStrings(QRegularExpression("^LADDER$"), ownLadder(dir));
        args.replaceInStrings(QRegularExpression("^PROVIDERS$"), ownProviders(dir, false));
        args.replaceInStrings(QRegularExpression("^PRICED$"), ownProviders(dir, true));
        const Run r = ladderRun(args, "Plan a small tool.\nWrite it.\nAdd a flag.\n");
        QVERIFY2(r.exitCode == exitCode, qPrintable(r.err + r.out));
        QVERIFY2(r.out.contains(out), qPrintable(r.out));
        QVERIFY2(r.err.contains(err), qPrintable(r.err));
    }

    // A model without a price runs and its cost is "cost unknown" (never $0) in the human output,
    // cost_usd null + cost_known false in the JSON events and the audit; a price in the providers
    // file makes it known.
    void modelWithoutAPriceIsCostUnknown_data()
    {
        QTest::addColumn<bool>("priced");
        QTest::newRow("no price") << false;
        QTest::newRow("price in the providers file") << true;
    }
    void modelWithoutAPriceIsCostUnknown()
    {
        QFETCH(bool, priced);
        QTemporaryDir dir;
        const QString ladder = ownLadder(dir);
        const QString providers = ownProviders(dir, priced);
        const QString db = dir.filePath("audit.sqlite");
        const QByteArray script = "Plan a small tool.\nWrite it.\nAdd a flag.\n";
        const Run json = ladderRun({"chat", ladder, "--script", "-", "--providers", providers,
                                    "--json", "--no-deltas", "--audit", db},
                                   script);
        QCOMPARE(json.exitCode, 0);
        int light = 0;
        for (const QJsonObject &e : jsonLines(json.out)) {
            if (e["event"] != "turn_completed")
                continue;
            const bool onOwnModel = e["model"] == "my-model";
            light += onOwnModel;
            const bool known = priced || !onOwnModel;
            QCOMPARE(e["cost_known"].toBool(), known);
            QCOMPARE(e["cost_usd"].isNull(), !known);
            if (known)
                QVERIFY(e["cost_usd"].toDouble() > 0);
        }
        QVERIFY(light > 0);
        QCOMPARE(sqlRows(db, "SELECT COUNT(*) FROM calls WHERE model = 'my-model' AND "
                             "cost_known = " +
                                 QString::number(int(priced))),
                 QStringList{QString::number(light)});

        const Run human =
            ladderRun({"chat", ladder, "--script", "-", "--providers", providers}, script);
        QCOMPARE(human.exitCode, 0);
        QCOMPARE(human.out.contains("cost unknown"), !priced);
        QVERIFY(!human.out.contains("$0.000000"));
    }

    // On a terminal, the banner says what answers: the simulated provider without a providers
    // file, the file's providers and models with one.
    void interactiveBannerSaysWhatAnswers_data()
    {
        QTest::addColumn<bool>("withProviders");
        QTest::addColumn<QString>("banner");
        QTest::addColumn<QString>("notInBanner");
        QTest::newRow("simulated") << false << "simulated provider (no keys, no network)"
                                   << "answered by";
        QTest::newRow("providers file")
            << true
            << "answered by openai/gpt-5.4 (simulated), anthropic/claude-sonnet-4-6 (simulated), "
               "my-vllm/my-model (simulated), gemini/gemini-3-flash-preview (simulated)"
            << "no keys, no network";
    }
    void interactiveBannerSaysWhatAnswers()
    {
        QFETCH(bool, withProviders);
        QFETCH(QString, banner);
        QFETCH(QString, notInBanner);
        if (QStandardPaths::findExecutable("script").isEmpty())
            QSKIP("needs script(1) (util-linux) for a terminal");
        QTemporaryDir dir;
        QString command = QStringLiteral("'%1' chat '%2'")
                              .arg(LADDER_CLI, withProviders ? ownLadder(dir) : example("framing"));
        if (withProviders)
            command += QStringLiteral(" --providers '%1'").arg(ownProviders(dir, false));
        // script(1) gives the command a terminal as stdin; its end of input ends the chat.
        const Run r = [&] {
            QProcess p;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("XDG_DATA_HOME"), dataHome());
            p.setProcessEnvironment(env);
            p.start("script", {"-qec", command, "/dev/null"});
            p.closeWriteChannel();
            if (!p.waitForFinished(60000))
                qFatal("script did not finish");
            return Run{p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
                       QString::fromUtf8(p.readAllStandardError())};
        }();
        // The terminal carries stderr too (the ladder's warnings): find the banner line.
        const QString line = r.out.split('\n').filter("ladder chat: ").value(0);
        QVERIFY2(line.contains(banner), qPrintable(r.out));
        QVERIFY2(!line.contains(notInBanner), qPrintable(r.out));
    }

    void chatFollowsTheLadder_data()
    {
        QTest::addColumn<QString>("ladder");
        QTest::addColumn<QByteArray>("script");
        QTest::addColumn<QStringList>("tiers");
        QTest::newRow("framing") << "framing" << kFramingScript
                                 << QStringList{"strong", "strong", "light",
                                                "light",  "strong", "light"};
        QTest::newRow("escalation tool")
            << "escalation-tool"
            << QByteArray("What's the capital of Portugal?\nWhy does a quantum harmonic "
                          "oscillator have non-zero ground-state energy?\nAnd Spain?\n")
            << QStringList{"cheap", "strong", "cheap"};
    }
    void chatFollowsTheLadder()
    {
        QFETCH(QString, ladder);
        QFETCH(QByteArray, script);
        QFETCH(QStringList, tiers);
        QTemporaryDir dir;
        const QString scriptFile = writeFile(dir, "script.txt", script);
        const Run r = ladderRun({"chat", example(ladder), "--script", scriptFile, "--json"});
        QCOMPARE(r.exitCode, 0);
        const QList<QJsonObject> events = jsonLines(r.out);
        QCOMPARE(completedTiers(events), tiers);
        for (const QJsonObject &e : events) {
            QVERIFY(e.contains("turn"));
            if (e["event"] == "turn_completed") {
                QVERIFY(e["usage"].toObject().contains("input_tokens"));
                QVERIFY(e["usage"].toObject().contains("output_tokens"));
                QVERIFY(e["cost_usd"].toDouble() > 0);
                QVERIFY(e["ttft_ms"].toDouble() > 0);
                QVERIFY(e["latency_ms"].toDouble() > 0);
                QVERIFY(!e["model"].toString().isEmpty());
            }
            if (e["event"] == "escalated") {
                QVERIFY(!e["from"].toString().isEmpty());
                QVERIFY(!e["to"].toString().isEmpty());
                QVERIFY(!e["reason"].toString().isEmpty());
            }
        }
        // Event lines start with the event name, as documented.
        QVERIFY(r.out.startsWith("{\"event\":\"turn_started\",\"turn\":1"));
    }

    // The quality gate and the budget, as `ladder chat --json` prints them.
    void chatShowsGateAndBudgetEvents_data()
    {
        QTest::addColumn<QByteArray>("extra"); // tier params and top-level keys of the ladder
        QTest::addColumn<QString>("event");    // the event that shows it
        QTest::addColumn<QString>("field");    // a field of that event
        QTest::addColumn<QString>("value");    // what the field says (contains)
        QTest::addColumn<QStringList>("tiers");
        QTest::newRow("format_violation on the light tier's schema")
            << QByteArray(R"("entry": "light", "light_schema": {"type": "object"})") << "escalated"
            << "signal"
            << "format_violation" << QStringList{"strong", "strong"};
        QTest::newRow("no gate without a schema") << QByteArray(R"("entry": "light")") << ""
                                                  << ""
                                                  << "" << QStringList{"light", "light"};
        QTest::newRow("budget steps down")
            << QByteArray(R"("entry": "strong", "budget": {"conversation_usd": 0.000001})")
            << "tier_active"
            << "reason"
            << "stepped down from strong to light" << QStringList{"strong", "light"};
        QTest::newRow("session budget steps down")
            << QByteArray(R"("entry": "strong", "budget": {"session_usd": 0.000001})")
            << "tier_active"
            << "reason"
            << "session spend" << QStringList{"strong", "light"};
        QTest::newRow("budget stops")
            << QByteArray(
                   R"("entry": "strong", "budget": {"conversation_usd": 0.000001, "action": "stop"})")
            << "turn_failed"
            << "message"
            << "budget.action is stop" << QStringList{"strong"};
    }
    void chatShowsGateAndBudgetEvents()
    {
        QFETCH(QByteArray, extra);
        QFETCH(QString, event);
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QStringList, tiers);
        QJsonObject ladder = QJsonDocument::fromJson(R"({
            "format": "ladder/1",
            "tiers": [
                {"id": "strong", "provider": "simulated", "model": "gpt-5.4"},
                {"id": "light", "provider": "simulated", "model": "gpt-5.4-mini"}],
            "transitions": [
                {"from": "strong", "to": "light", "when": {"type": "after_turns", "turns": 9}},
                {"from": "light", "to": "strong",
                 "when": {"type": "post_turn", "signals": ["empty_answer", "format_violation"]}},
                {"from": "strong", "when": {"type": "return_after", "turns": 1}}]})")
                                 .object();
        const QJsonObject more = QJsonDocument::fromJson("{" + extra + "}").object();
        for (auto it = more.begin(); it != more.end(); ++it)
            ladder.insert(it.key(), it.value());
        if (ladder.contains("light_schema")) {
            QJsonArray list = ladder["tiers"].toArray();
            QJsonObject light = list[1].toObject();
            light["response_schema"] = ladder.take("light_schema");
            list[1] = light;
            ladder["tiers"] = list;
        }
        QTemporaryDir dir;
        const QString file = writeFile(dir, "gate.json", QJsonDocument(ladder).toJson());
        const Run r = ladderRun({"chat", file, "--script", "-", "--json"},
                                "What is the capital of Portugal?\nAnd of Spain?\n");
        const QList<QJsonObject> events = jsonLines(r.out);
        QCOMPARE(completedTiers(events), tiers);
        bool shown = event.isEmpty();
        for (const QJsonObject &e : events) {
            if (event.isEmpty())
                QVERIFY(e["event"] != "escalated" && e["reason_code"] != "budget_exceeded");
            else if (e["event"] == event && e[field].toString().contains(value))
                shown = true;
            if (e["event"] == "escalated" && e["phase"] == "post_turn") {
                QCOMPARE(e["from"].toString(), QString("light"));
                QVERIFY(!e["discarded_answer"].toString().isEmpty()); // the answer stays visible
                QVERIFY(e["reason"].toString().contains("format violation: not JSON"));
            }
            if (e["event"] == "tier_active" && e["reason_code"] == "budget_exceeded")
                QCOMPARE(e["turn"].toInt(), 2);
        }
        QVERIFY2(shown, qPrintable(r.out));
    }

    void chatHumanOutputShowsTiersAndEscalations()
    {
        const Run r = ladderRun({"chat", "escalation-tool", "--script", "-"},
                                "What's the capital of Portugal?\nWhy does a quantum harmonic "
                                "oscillator have non-zero ground-state energy?\n");
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("[cheap: gemini-3-flash-preview] "));
        QVERIFY(r.out.contains("↳ escalating ("));
        QVERIFY(r.out.contains("[strong: gemini-3.1-pro-preview] "));
        QVERIFY(r.out.contains("simulated"));
    }

    // A framing answer carries a <handoff> block: the human output shows one line naming the
    // memory's fields instead, streaming or not; --show-memory adds the fields themselves.
    void chatShowsTheMemoryUpdateNotTheHandoffBlock_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<bool>("fields");
        QTest::newRow("whole answers") << QStringList{} << false;
        QTest::newRow("streaming") << QStringList{"--time-scale", "0.001"} << false;
        QTest::newRow("streaming, with the fields")
            << QStringList{"--time-scale", "0.001", "--show-memory"} << true;
        QTest::newRow("whole answers, with the fields") << QStringList{"--show-memory"} << true;
    }
    void chatShowsTheMemoryUpdateNotTheHandoffBlock()
    {
        QFETCH(QStringList, options);
        QFETCH(bool, fields);
        const Run r = ladderRun(QStringList{"chat", "framing", "--script", "-"} + options,
                                kFramingScript.left(kFramingScript.indexOf('\n') + 1));
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(!r.out.contains("handoff>", Qt::CaseInsensitive), qPrintable(r.out));
        QVERIFY2(r.out.contains(QRegularExpression(
                     "\\n   memory v1 updated \\(goal, constraints, [a-z_, ]+\\)\\n")),
                 qPrintable(r.out));
        QCOMPARE(r.out.contains("\n     Goal: "), fields);
        QCOMPARE(r.out.contains("\n     Constraints:"), fields);
        QVERIFY2(!r.out.contains("\n\n\n"), qPrintable(r.out)); // no gap where the block was
    }

    // Turn 4 escalates after a low-confidence answer; turn 5 returns to light and escalates
    // again on the legal question: from light, in the events and in the audit database.
    void escalationAfterAReturnIsFromTheTierReturnedTo()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath("audit.sqlite");
        const QStringList lines = QString::fromUtf8(kFramingScript).split('\n');
        const QByteArray script =
            (QStringList{lines[0], lines[1], lines[4],
                         "Estimate how long renaming 10,000 photos takes.", lines[6]}
                 .join('\n') +
             '\n')
                .toUtf8();
        QVERIFY(script.contains("legal"));
        const Run r = ladderRun(
            {"chat", "framing", "--script", "-", "--json", "--no-deltas", "--audit", db}, script);
        QCOMPARE(r.exitCode, 0);
        const QList<QJsonObject> events = jsonLines(r.out);
        QCOMPARE(completedTiers(events),
                 (QStringList{"strong", "strong", "light", "strong", "strong"}));
        QStringList escalations;
        for (const QJsonObject &e : events) {
            if (e["event"] == "escalated")
                escalations << QStringLiteral("%1:%2:%3>%4")
                                   .arg(e["turn"].toInt())
                                   .arg(e["phase"].toString(), e["from"].toString(),
                                        e["to"].toString());
        }
        QCOMPARE(escalations, (QStringList{"4:post_turn:light>strong", "5:pre_turn:light>strong"}));
        QCOMPARE(sqlRows(db, "SELECT turn, json_extract(data_json, '$.from') FROM events "
                             "WHERE type = 'escalated' ORDER BY seq"),
                 (QStringList{"4|light", "5|light"}));
        // The human output says it too.
        const Run human = ladderRun({"chat", "framing", "--script", "-"}, script);
        QVERIFY2(human.out.contains("↳ escalating from light to strong"), qPrintable(human.out));
        QVERIFY(!human.out.contains("from strong to strong"));
    }

    void rateLimitFaultFallsBackAndCompletes()
    {
        QTemporaryDir dir;
        const QString scriptFile = writeFile(dir, "script.txt", kFramingScript);
        const Run r = ladderRun({"chat", example("framing"), "--script", scriptFile, "--json",
                                 "--fault", "rate_limited@2"});
        QCOMPARE(r.exitCode, 0);
        const QList<QJsonObject> events = jsonLines(r.out);
        int fallbacks = 0;
        for (const QJsonObject &e : events) {
            if (e["event"] == "fallback") {
                ++fallbacks;
                QCOMPARE(e["turn"].toInt(), 2);
                QCOMPARE(e["error"].toString(), QString("rate_limited"));
                QVERIFY(!e["from_model"].toString().isEmpty());
                QVERIFY(e["to_model"].toString() != e["from_model"].toString());
            }
        }
        QCOMPARE(fallbacks, 1);
        QCOMPARE(completedTiers(events).size(), 6);
    }

    void chatWritesTheAuditDatabase()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath("audit.sqlite");
        const Run r = ladderRun(
            {"chat", "framing", "--script", "-", "--audit", db, "--fault", "unavailable@1"},
            kFramingScript);
        QCOMPARE(r.exitCode, 0);
        // 6 turns + 1 retried call, with a cost.
        QCOMPARE(sqlRows(db, "SELECT COUNT(*), SUM(cost_usd) > 0 FROM calls"), QStringList{"7|1"});
        QCOMPARE(sqlRows(db, "SELECT COUNT(*) FROM events WHERE type = 'turn_completed'"),
                 QStringList{"6"});
    }

    void badArgumentsAreExplained_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::newRow("bad fault")
            << QStringList{"chat", "framing", "--fault", "meteor@2"} << 2 << "--fault";
        QTest::newRow("bad seed") << QStringList{"chat", "framing", "--seed", "x"} << 2 << "--seed";
        QTest::newRow("missing ladder")
            << QStringList{"chat", "/no/such.json"} << 1 << "/no/such.json";
        QTest::newRow("unknown command") << QStringList{"frobnicate"} << 2 << "unknown command";
    }
    void badArgumentsAreExplained()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const Run r = ladderRun(args, "");
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
    }

    void providersFileIsUsed()
    {
        QTemporaryDir dir;
        const QString providers = writeFile(
            dir, "providers.json",
            "{\"format\": \"providers/1\", \"providers\": [ {\"id\": \"openai\", \"kind\": "
            "\"simulated\", \"base_url\": \"http://127.0.0.1:9/v1\"}, {\"id\": \"gemini\", "
            "\"kind\": \"simulated\", \"base_url\": \"http://127.0.0.1:9/v1\"}]}");
        const QString cache = dir.filePath("cache.sqlite");
        const QByteArray script = "Fix the bug in this Python function.\nWrite a poem.\n";
        const Run r = ladderRun({"chat", "listener-worker-reasoner", "--script", "-", "--providers",
                                 providers, "--cache", cache, "--classify", "model"},
                                script);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.contains("configures no provider anthropic"), qPrintable(r.err));
        QVERIFY(r.out.contains("[coder: gpt-5.4-mini]"));
        // This ladder leaves its response cache off: --cache alone does not switch it on.
        QVERIFY2(r.err.contains("--cache is ignored"), qPrintable(r.err));
        QVERIFY(!r.out.contains("response cache:"));
        QVERIFY(!QFile::exists(cache));
    }

    // task-registry switches its cache on: a second identical run answers the temperature-0
    // turns (extract, classify) from the cache, the title turn (0.2) from the model. With the
    // switch off, or --no-cache, nothing is cached.
    void cacheSwitchServesTheSecondRun_data()
    {
        QTest::addColumn<bool>("switchedOn");
        QTest::addColumn<QStringList>("options"); // "DB" stands for the test's cache file
        QTest::addColumn<int>("hits");            // in the second run
        QTest::newRow("on, --cache DB") << true << QStringList{"--cache", "DB"} << 2;
        QTest::newRow("on, the default file") << true << QStringList() << 2;
        QTest::newRow("on, --no-cache") << true << QStringList{"--cache", "DB", "--no-cache"} << 0;
        QTest::newRow("off in the ladder") << false << QStringList{"--cache", "DB"} << 0;
    }
    void cacheSwitchServesTheSecondRun()
    {
        QFETCH(bool, switchedOn);
        QFETCH(QStringList, options);
        QFETCH(int, hits);
        QTemporaryDir dir;
        QFile registry(example("task-registry"));
        QVERIFY(registry.open(QIODevice::ReadOnly));
        QJsonObject ladder = QJsonDocument::fromJson(registry.readAll()).object();
        QCOMPARE(ladder["cache"].toObject()["enabled"], QJsonValue(true));
        if (!switchedOn)
            ladder.remove("cache");
        const QString file = writeFile(dir, "registry.json", QJsonDocument(ladder).toJson());
        const QString db = dir.filePath("cache.sqlite");
        options.replaceInStrings(QRegularExpression("^DB$"), db);
        QFile::remove(defaultCacheFile());
        const QByteArray script = "Extract all the dates from this email into JSON.\n"
                                  "Classify the sentiment of this review: great product.\n"
                                  "Suggest a title for this chat.\n";
        const QStringList json = QStringList{"chat", file, "--script", "-", "--json"} + options;

        const Run first = ladderRun(json, script);
        QCOMPARE(first.exitCode, 0);
        const Run second = ladderRun(json, script);
        QCOMPARE(second.exitCode, 0);
        const QList<QJsonObject> firstEvents = jsonLines(first.out);
        const QList<QJsonObject> secondEvents = jsonLines(second.out);
        QCOMPARE(completedTiers(secondEvents), (QStringList{"extract", "classify", "title"}));
        QCOMPARE(completedTiers(firstEvents), completedTiers(secondEvents));

        const bool cacheOn = hits > 0;
        int cached = 0;
        int served = 0;
        double hitRate = -1;
        for (const QJsonObject &e : secondEvents) {
            if (e["event"] != "turn_completed")
                continue;
            QCOMPARE(e.contains("cache_hits"), cacheOn);
            cached += e["cached"].toBool() ? 1 : 0;
            served += e["cache_hits"].toInt();
            hitRate = e["cache_hit_rate"].toDouble(-1);
            if (e["cached"].toBool())
                QCOMPARE(e["cost_usd"].toDouble(), 0.0);
        }
        QCOMPARE(cached, hits);
        QCOMPARE(served, hits);
        QCOMPARE(hitRate, cacheOn ? 1.0 : -1.0);
        QCOMPARE(QFile::exists(db), cacheOn && options.contains(db));
        QCOMPARE(QFile::exists(defaultCacheFile()), cacheOn && !options.contains(db));

        // People read the hit rate at the end of the run.
        const Run human = ladderRun(QStringList{"chat", file, "--script", "-"} + options, script);
        QCOMPARE(human.exitCode, 0);
        QCOMPARE(human.out.contains("response cache: 100.0 % hit rate (2 of 2 deterministic calls"),
                 cacheOn);
        QCOMPARE(human.out.count(", from the cache)"), hits);
    }

    void cachedCallsAreMarkedInTheAudit()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath("audit.sqlite");
        const QString cache = dir.filePath("cache.sqlite");
        const QByteArray script = "Extract all the dates from this email into JSON.\n";
        for (int run = 0; run < 2; ++run) {
            const Run r = ladderRun(
                {"chat", "task-registry", "--script", "-", "--audit", db, "--cache", cache},
                script);
            QCOMPARE(r.exitCode, 0);
        }
        // The first run asked the model and paid; the second was answered from the cache.
        QCOMPARE(sqlRows(db, "SELECT cached, cost_usd > 0 FROM calls ORDER BY id"),
                 (QStringList{"0|1", "1|0"}));
        QStringList rates;
        for (const QString &json : sqlRows(db, "SELECT data_json FROM events WHERE type = "
                                               "'turn_completed' ORDER BY at, seq")) {
            const QJsonObject data = QJsonDocument::fromJson(json.toUtf8()).object();
            rates << QString::number(data["cache_hit_rate"].toDouble(-1));
        }
        QCOMPARE(rates, (QStringList{"0", "1"}));
    }

    void providersCheckReportsEachModel()
    {
        QTemporaryDir dir;
        const QString providers =
            writeFile(dir, "providers.json",
                      "{\"format\": \"providers/1\", \"providers\": [{\"id\": \"openai\", "
                      "\"kind\": \"openai\", \"base_url\": \"http://127.0.0.1:9/v1\", \"models\": "
                      "[\"gpt-5.4\"], \"timeouts\": {\"connect_ms\": 2000}}]}");
        const Run r = ladderRun({"providers", "check", "--providers", providers});
        QCOMPARE(r.exitCode, 1); // nothing listens on port 9
        QVERIFY2(r.out.contains("gpt-5.4"), qPrintable(r.out));
        QVERIFY(r.out.contains("$2.50 in / $15.00 out per Mtok"));
    }

    void benchPrintsItsFigures()
    {
        const Run r = ladderRun({"bench", "--turns", "300"});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject figures = QJsonDocument::fromJson(r.out.toUtf8()).object();
        for (const char *key : {"route_decision_ns_median", "turn_overhead_us_median",
                                "session_seconds", "peak_rss_mb"})
            QVERIFY2(figures[key].toDouble() > 0, key);
        QCOMPARE(figures["session_failed_turns"].toInt(), 0);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
