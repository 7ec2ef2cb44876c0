// Settings → Providers, headless: ProviderSettings loads, edits, validates (problems name the file
// and the JSON path), undoes and saves a providers file; Check runs without blocking; and the
// Chat and Compare models run turns on the configured providers — here three provider ids served
// by one OpenAI-dialect model server on 127.0.0.1 — with the planted key (an environment
// variable) in the request headers and nowhere in the export or the audit database.

#include "audit/auditcallmodel.h"
#include "audit/auditsessionmodel.h"
#include "chat/chatsessionmodel.h"
#include "chat/chattimelinemodel.h"
#include "compare/comparemodel.h"
#include "dialect_server.h"
#include "settings/providersettings.h"

#include "core/ladder_json.h"
#include "core/resources.h"
#include "providers/openai_provider.h"
#include "store/audit_store.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace ladder;
using namespace ladder::test;

namespace {

constexpr auto kKeyVariable = "LADDER_TEST_PLANTED_KEY";
constexpr auto kPlanted = "sk-test-PLANTED-studio-4711";

// The texts of problem rows ({text, severity}), as the settings views list them.
QStringList problemTexts(const QVariant &rows)
{
    QStringList texts;
    for (const QVariant &row : rows.toList())
        texts.append(row.toMap().value(QStringLiteral("text")).toString());
    return texts;
}

// The severity of the row whose text is `text`, empty when there is none.
QString severityOf(const QVariant &rows, const QString &text)
{
    for (const QVariant &row : rows.toList()) {
        if (row.toMap().value(QStringLiteral("text")).toString() == text)
            return row.toMap().value(QStringLiteral("severity")).toString();
    }
    return {};
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Every byte in `dir` (the audit database and any WAL or journal beside it).
QByteArray bytesIn(const QString &dir)
{
    QByteArray bytes;
    const QDir d(dir);
    for (const QString &name : d.entryList(QDir::Files))
        bytes += readFile(d.filePath(name));
    return bytes;
}

// The three provider ids the example ladders name, all served by `server`, keyed by env var.
QByteArray providersFor(const QUrl &baseUrl)
{
    QByteArray entries;
    for (const char *id : {"openai", "anthropic", "gemini"}) {
        if (!entries.isEmpty())
            entries += ',';
        entries += QByteArray(R"({"id":")") + id + R"(","kind":"openai","base_url":")" +
                   baseUrl.toEncoded() + R"(","key_env":")" + kKeyVariable +
                   R"(","models":["gpt-5.4-mini"],"timeouts":{"connect_ms":5000,)"
                   R"("first_token_ms":5000,"idle_ms":5000}})";
    }
    return R"({"format":"providers/1","providers":[)" + entries + "]}";
}

const QByteArray kTwoProviders =
    R"({"format":"providers/1","description":"two","providers":[)"
    "{\"id\":\"openai\",\"kind\":\"openai\",\"base_url\":\"https://api.openai.com/v1\","
    R"("key_env":"OPENAI_API_KEY","keychain":"ladder-studio/openai","models":["gpt-5.4",)"
    R"("gpt-5.4-mini"],"options":{"system_role":"developer"}},)"
    "{\"id\":\"local\",\"kind\":\"openai\",\"base_url\":\"http://127.0.0.1:11434/v1\","
    R"("models":["llama3.2"],"timeouts":{"connect_ms":2000,"first_token_ms":120000,)"
    R"("idle_ms":60000}}]})";

// A model server and the settings that point every example provider id at it.
struct ServedProviders {
    explicit ServedProviders(const QString &file)
        : settings(nullptr)
    {
        settings.setRemember(false);
        ready = server.listen() && writeFile(file, providersFor(server.baseUrl())) &&
                settings.open(file);
    }
    DialectServer server{Dialect::OpenAi};
    ProviderSettings settings;
    bool ready = false;
};

Ladder exampleLadder(const QString &name)
{
    return parseLadder(readResource(exampleLadderResourcePath(name))).ladder;
}

const ChatSessionModel::Row *firstAnswer(const ChatSessionModel &chat)
{
    for (const ChatSessionModel::Row &r : chat.rows()) {
        if (r.kind == QLatin1String("assistant"))
            return &r;
    }
    return nullptr;
}

} // namespace

class ProviderSettingsTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void startsSimulated();
    void loadEditSaveRoundTrip();
    void openRemembersFileAndSimulatedForgetsIt();
    void openReportsErrorsWithFileAndPath_data();
    void openReportsErrorsWithFileAndPath();
    void editProblemsNameFileAndPath_data();
    void editProblemsNameFileAndPath();
    void undoRestoresEveryEdit();
    void editedTimeoutsSurviveSaveAndReload_data();
    void editedTimeoutsSurviveSaveAndReload();
    void badTimeoutsAreRefused_data();
    void badTimeoutsAreRefused();
    void editedPricesSurviveSaveAndReload_data();
    void editedPricesSurviveSaveAndReload();
    void badPricesAreRefused_data();
    void badPricesAreRefused();
    void kindChangeCarriesOnlyDefaults();
    void createWritesStarterFile();
    void checkRunsWithoutBlocking_data();
    void checkRunsWithoutBlocking();
    void chatAnswersFromConfiguredServerAndKeepsKeySecret();
    void compareColumnsRunOnConfiguredProviders();
    void modelWithoutAPriceIsCostUnknownEverywhere_data();
    void modelWithoutAPriceIsCostUnknownEverywhere();

private:
    QTemporaryDir m_dir;
    QString path(const QString &name) const { return m_dir.filePath(name); }
};

void ProviderSettingsTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QCoreApplication::setOrganizationName(QStringLiteral("LadderStudioTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_provider_settings"));
    QSettings().clear();
    qputenv(kKeyVariable, kPlanted);
}

void ProviderSettingsTest::init()
{
    QVERIFY(writeFile(path(QStringLiteral("two.json")), kTwoProviders));
}

void ProviderSettingsTest::startsSimulated()
{
    ProviderSettings settings(nullptr);
    QAbstractItemModelTester tester(&settings);
    QVERIFY(settings.simulated());
    QVERIFY(!settings.activeConfig());
    QCOMPARE(settings.rowCount(), 0);
    QVERIFY(settings.file().isEmpty());
    QVERIFY(!settings.dirty());
    RunRegistry registry(settings.activeConfig().get(), settings.keys());
    QCOMPARE(registry.provider(QStringLiteral("openai")), &registry.simulated());
}

void ProviderSettingsTest::loadEditSaveRoundTrip()
{
    ProviderSettings settings(nullptr);
    settings.setRemember(false);
    QAbstractItemModelTester tester(&settings);
    QSignalSpy active(&settings, &ProviderSettings::activeConfigChanged);
    const QString file = path(QStringLiteral("two.json"));
    QVERIFY(settings.open(QUrl::fromLocalFile(file).toString()));
    QCOMPARE(active.size(), 1);
    QCOMPARE(settings.file(), file);
    QCOMPARE(settings.fileName(), QStringLiteral("two.json"));
    QVERIFY(!settings.simulated());
    QCOMPARE(settings.rowCount(), 2);
    const QModelIndex first = settings.index(0);
    QCOMPARE(first.data(ProviderSettings::ProviderIdRole).toString(), QStringLiteral("openai"));
    QCOMPARE(first.data(ProviderSettings::ModelsTextRole).toString(),
             QStringLiteral("gpt-5.4, gpt-5.4-mini"));
    QCOMPARE(first.data(ProviderSettings::KeychainRole).toString(),
             QStringLiteral("ladder-studio/openai"));

    QVERIFY(settings.setField(0, QStringLiteral("models"), QStringLiteral("gpt-5.4-mini , o9")));
    QVERIFY(settings.setField(1, QStringLiteral("base_url"),
                              QStringLiteral("http://127.0.0.1:8080/v1")));
    QVERIFY(settings.setField(1, QStringLiteral("key_env"), QStringLiteral("LOCAL_KEY")));
    const int added = settings.addProvider(QStringLiteral("anthropic"));
    QCOMPARE(added, 2);
    QCOMPARE(settings.index(2).data(ProviderSettings::ProviderIdRole).toString(),
             QStringLiteral("anthropic"));
    QVERIFY(settings.dirty());
    QCOMPARE(active.size(), 1); // edits apply when saved
    QVERIFY2(!settings.hasErrors(), qPrintable(settings.problems().join(QLatin1Char('\n'))));

    QVERIFY(settings.save());
    QVERIFY(!settings.dirty());
    QCOMPARE(active.size(), 2);
    Diagnostics diagnostics;
    const ProviderConfig reread = ProviderConfig::load(file, &diagnostics);
    QVERIFY2(diagnostics.isEmpty(), qPrintable(diagnostics.value(0).toString()));
    QCOMPARE(reread, settings.edited());
    QCOMPARE(*settings.activeConfig(), reread);
    QCOMPARE(reread.description, QStringLiteral("two"));
    QCOMPARE(reread.providers.at(0).models,
             (QStringList{QStringLiteral("gpt-5.4-mini"), QStringLiteral("o9")}));
    QCOMPARE(reread.providers.at(0).options.value(QStringLiteral("system_role")).toString(),
             QStringLiteral("developer"));
    QCOMPARE(reread.providers.at(1).timeouts, (ProviderTimeouts{2000, 120000, 60000}));
    QCOMPARE(reread.providers.at(1).keyEnv, QStringLiteral("LOCAL_KEY"));
    QCOMPARE(reread.providers.at(2).baseUrl, QUrl(QStringLiteral("https://api.anthropic.com/v1")));
    QCOMPARE(reread.providers.at(2).keychain, QStringLiteral("ladder-studio/anthropic"));

    RunRegistry registry(settings.activeConfig().get(), settings.keys());
    QVERIFY(qobject_cast<OpenAiProvider *>(registry.provider(QStringLiteral("local"))));
    QVERIFY(!registry.provider(QStringLiteral("nope")));
}

void ProviderSettingsTest::openRemembersFileAndSimulatedForgetsIt()
{
    const QString file = path(QStringLiteral("two.json"));
    {
        ProviderSettings settings(nullptr);
        QVERIFY(settings.open(file));
    }
    ProviderSettings restored(nullptr);
    restored.restore();
    QCOMPARE(restored.file(), file);
    QVERIFY(!restored.simulated());
    QSignalSpy active(&restored, &ProviderSettings::activeConfigChanged);
    restored.useSimulated();
    QCOMPARE(active.size(), 1);
    QVERIFY(restored.simulated());
    QCOMPARE(restored.rowCount(), 0);
    ProviderSettings again(nullptr);
    again.restore();
    QVERIFY(again.simulated());
    QVERIFY(again.file().isEmpty());
}

void ProviderSettingsTest::openReportsErrorsWithFileAndPath_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expected"); // after "<file>: "

    QTest::newRow("syntax") << QByteArray("{\"format\":")
                            << "invalid JSON at offset 10: unterminated object";
    QTest::newRow("bad_kind")
        << QByteArray(R"({"format":"providers/1","providers":[{"id":"x","kind":"cohere",)"
                      "\"base_url\":\"http://h\"}]}")
        << R"(/providers/0/kind: unknown kind "cohere" (expected one of: openai, anthropic, )"
           R"(gemini, simulated))";
    QTest::newRow("key_in_file")
        << QByteArray(
               R"({"format":"providers/1","providers":[{"id":"x","kind":"openai",)"
               "\"base_url\":\"http://h\",\"models\":[\"m\"]},{\"id\":\"y\",\"kind\":\"openai\","
               "\"base_url\":\"http://h\",\"api_key\":\"sk-1\"}]}")
        << "/providers/1/api_key: keys do not belong in the providers file: name an environment "
           "variable in key_env or a keychain item in keychain";
}

void ProviderSettingsTest::openReportsErrorsWithFileAndPath()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, expected);
    ProviderSettings settings(nullptr);
    settings.setRemember(false);
    QVERIFY(settings.open(path(QStringLiteral("two.json"))));
    const QString bad = path(QStringLiteral("bad.json"));
    QVERIFY(writeFile(bad, json));
    QSignalSpy active(&settings, &ProviderSettings::activeConfigChanged);
    QVERIFY(!settings.open(bad));
    const QStringList fileProblems = problemTexts(settings.fileProblems());
    QVERIFY2(fileProblems.contains(bad + QStringLiteral(": ") + expected),
             qPrintable(fileProblems.join(QLatin1Char('\n'))));
    QCOMPARE(settings.problems(), fileProblems);
    // The entries shown are still those of two.json, without the other file's problems.
    QVERIFY(!settings.hasErrors());
    QVERIFY(settings.index(1).data(ProviderSettings::ProblemsRole).toList().isEmpty());
    QCOMPARE(active.size(), 0); // the file in use stays in use
    QCOMPARE(settings.fileName(), QStringLiteral("two.json"));
    QVERIFY(settings.message().contains(QStringLiteral("bad.json")));
}

void ProviderSettingsTest::editProblemsNameFileAndPath_data()
{
    QTest::addColumn<int>("row");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("problem"); // after "<file>: "
    QTest::addColumn<bool>("blocksSave");

    QTest::newRow("url_scheme") << 1 << "base_url"
                                << "ftp://host/v1"
                                << "/providers/1/base_url: \"ftp://host/v1\" is not an http(s) "
                                   "URL with a host"
                                << true;
    QTest::newRow("url_with_key")
        << 0 << "base_url"
        << "https://h/v1?key=abc"
        << "/providers/0/base_url: must not carry credentials or a query (keys go in key_env)"
        << true;
    QTest::newRow("bad_id") << 0 << "id"
                            << "Open AI"
                            << R"(/providers/0/id: "Open AI" must match [a-z][a-z0-9_-]*)" << true;
    QTest::newRow("duplicate_id") << 1 << "id"
                                  << "openai"
                                  << R"(/providers/1/id: duplicate provider id "openai")" << true;
    QTest::newRow("empty_id") << 1 << "id"
                              << ""
                              << "/providers/1/id: must not be empty" << true;
    QTest::newRow("no_models") << 1 << "models"
                               << " , "
                               << "/providers/1/models: warning: no models listed" << false;
}

void ProviderSettingsTest::editProblemsNameFileAndPath()
{
    QFETCH(int, row);
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, problem);
    QFETCH(bool, blocksSave);
    ProviderSettings settings(nullptr);
    settings.setRemember(false);
    const QString file = path(QStringLiteral("two.json"));
    QVERIFY(settings.open(file));
    QVERIFY(settings.setField(row, field, value));
    QVERIFY2(settings.problems().contains(file + QStringLiteral(": ") + problem),
             qPrintable(settings.problems().join(QLatin1Char('\n'))));
    // The entry's own list names the field relative to the entry.
    const QString local = problem.mid(problem.indexOf(QLatin1Char('/'), 1) + 1);
    const QVariant rows = settings.index(row).data(ProviderSettings::ProblemsRole);
    const QStringList own = problemTexts(rows);
    const QString ownText = local.mid(local.indexOf(QLatin1Char('/')) + 1);
    QVERIFY2(own.contains(ownText), qPrintable(own.join(QLatin1Char('\n'))));
    // The view colours it by this severity, not by reading the text.
    QCOMPARE(severityOf(rows, ownText),
             blocksSave ? QStringLiteral("error") : QStringLiteral("warning"));
    QCOMPARE(settings.hasErrors(), blocksSave);
    QCOMPARE(settings.save(), !blocksSave);
    if (blocksSave)
        QCOMPARE(readFile(file), kTwoProviders); // nothing written
}

void ProviderSettingsTest::undoRestoresEveryEdit()
{
    ProviderSettings settings(nullptr);
    settings.setRemember(false);
    QAbstractItemModelTester tester(&settings);
    QVERIFY(settings.open(path(QStringLiteral("two.json"))));
    const ProviderConfig original = settings.edited();
    QVERIFY(!settings.canUndo());
    settings.addProvider(QStringLiteral("gemini"));
    QVERIFY(settings.setField(2, QStringLiteral("base_url"), QStringLiteral("nonsense")));
    QVERIFY(settings.hasErrors());
    settings.removeProvider(0);
    QVERIFY(settings.setField(0, QStringLiteral("models"), QStringLiteral("same")));
    QCOMPARE(settings.rowCount(), 2);
    int undos = 0;
    while (settings.undo())
        ++undos;
    QCOMPARE(undos, 4);
    QCOMPARE(settings.edited(), original);
    QVERIFY(!settings.dirty());
    QVERIFY(!settings.hasErrors());
    QVERIFY(!settings.canUndo());
    QVERIFY(
        settings.setField(0, QStringLiteral("models"), QStringLiteral("gpt-5.4, gpt-5.4-mini")));
    QVERIFY2(!settings.canUndo(), "an edit that changes nothing is no undo step");
}

void ProviderSettingsTest::editedTimeoutsSurviveSaveAndReload_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QVariant>("value"); // as QML or a test passes it
    QTest::addColumn<int>("role");
    QTest::addColumn<ProviderTimeouts>(
        "expected"); // of entry 1 after reload; it had 2000/120000/60000

    const int connect = ProviderSettings::ConnectMsRole;
    const int firstToken = ProviderSettings::FirstTokenMsRole;
    const int idle = ProviderSettings::IdleMsRole;
    QTest::newRow("connect") << "connect_ms" << QVariant(2500) << connect
                             << ProviderTimeouts{2500, 120000, 60000};
    QTest::newRow("first token as text") << "first_token_ms" << QVariant(QStringLiteral(" 90000 "))
                                         << firstToken << ProviderTimeouts{2000, 90000, 60000};
    QTest::newRow("idle from a QML number")
        << "idle_ms" << QVariant(45000.0) << idle << ProviderTimeouts{2000, 120000, 45000};
    QTest::newRow("idle off") << "idle_ms" << QVariant(0) << idle
                              << ProviderTimeouts{2000, 120000, 0};
    QTest::newRow("longest") << "first_token_ms" << QVariant(kMaxTimeoutMs) << firstToken
                             << ProviderTimeouts{2000, kMaxTimeoutMs, 60000};
}

// Settings → Providers edits a timeout like any other field: shown by its role, undoable,
// written to the providers/1 file and read back.
void ProviderSettingsTest::editedTimeoutsSurviveSaveAndReload()
{
    QFETCH(QString, field);
    QFETCH(QVariant, value);
    QFETCH(int, role);
    QFETCH(ProviderTimeouts, expected);
    const QString file = path(QStringLiteral("two.json"));
    const ProviderTimeouts before{2000, 120000, 60000};
    const auto shown = [](const ProviderSettings &s) {
        const QModelIndex i = s.index(1);
        return ProviderTimeouts{i.data(ProviderSettings::ConnectMsRole).toInt(),
                                i.data(ProviderSettings::FirstTokenMsRole).toInt(),
                                i.data(ProviderSettings::IdleMsRole).toInt()};
    };
    {
        ProviderSettings settings(nullptr);
        settings.setRemember(false);
        QAbstractItemModelTester tester(&settings);
        QVERIFY(settings.open(file));
        QCOMPARE(shown(settings), before);
        QSignalSpy changed(&settings, &QAbstractItemModel::dataChanged);
        QVERIFY(settings.setField(1, field, value));
        const bool viewsTold = std::any_of(changed.cbegin(), changed.cend(), [role](const auto &a) {
            const auto roles = a.at(2).template value<QList<int>>();
            return a.at(0).toModelIndex().row() <= 1 && a.at(1).toModelIndex().row() >= 1 &&
                   (roles.isEmpty() || roles.contains(role));
        });
        QVERIFY2(viewsTold, "dataChanged covers the entry's timeout");
        QCOMPARE(shown(settings), expected);
        QVERIFY(settings.dirty());
        QVERIFY(settings.undo());
        QCOMPARE(shown(settings), before);
        QVERIFY(!settings.dirty());
        QVERIFY(settings.setField(1, field, value));
        QVERIFY2(!settings.hasErrors(), qPrintable(settings.problems().join(QLatin1Char('\n'))));
        QVERIFY(settings.save());
        QCOMPARE(settings.activeConfig()->providers.at(1).timeouts, expected);
    }
    Diagnostics diagnostics;
    const ProviderConfig reread = ProviderConfig::load(file, &diagnostics);
    QVERIFY2(diagnostics.isEmpty(), qPrintable(diagnostics.value(0).toString()));
    QCOMPARE(reread.providers.at(1).timeouts, expected);
    QCOMPARE(reread.providers.at(0).timeouts, ProviderTimeouts{}); // the other entry kept its own
    ProviderSettings reopened(nullptr);
    reopened.setRemember(false);
    QVERIFY(reopened.open(file));
    QCOMPARE(shown(reopened), expected);
}

void ProviderSettingsTest::badTimeoutsAreRefused_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<QString>("message");

    const QString rule =
        QStringLiteral("Use whole milliseconds from 0 (off) to 86400000 (24 hours).");
    QTest::newRow("negative") << "connect_ms" << QVariant(-1)
                              << "Connect timeout of local: \"-1\" is not a timeout. " + rule;
    QTest::newRow("fraction") << "idle_ms" << QVariant(1.5)
                              << "Idle timeout of local: \"1.5\" is not a timeout. " + rule;
    QTest::newRow("words") << "first_token_ms" << QVariant(QStringLiteral("soon"))
                           << "First-token timeout of local: \"soon\" is not a timeout. " + rule;
    QTest::newRow("empty") << "first_token_ms" << QVariant(QString())
                           << "First-token timeout of local: \"\" is not a timeout. " + rule;
    QTest::newRow("over a day") << "idle_ms" << QVariant(kMaxTimeoutMs + 1)
                                << "Idle timeout of local: \"86400001\" is not a timeout. " + rule;
}

void ProviderSettingsTest::badTimeoutsAreRefused()
{
    QFETCH(QString, field);
    QFETCH(QVariant, value);
    QFETCH(QString, message);
    ProviderSettings settings(nullptr);
    settings.setRemember(false);
    QVERIFY(settings.open(path(QStringLiteral("two.json"))));
    const ProviderConfig before = settings.edited();
    QSignalSpy changed(&settings, &QAbstractItemModel::dataChanged);
    QVERIFY(!settings.setField(1, field, value));
    QCOMPARE(settings.message(), message);
    QCOMPARE(settings.edited(), before);
    QCOMPARE(changed.size(), 0);
    QVERIFY(!settings.dirty());
    QVERIFY(!settings.canUndo());
    QVERIFY(!settings.hasErrors());
}

void ProviderSettingsTest::editedPricesSurviveSaveAndReload_data()
{
    QTest::addColumn<QString>("text");  // as typed in the Prices field
    QTest::addColumn<QString>("shown"); // PricesTextRole after the edit and after a reload
    QTest::addColumn<double>("costOf1MInAnd1MOut"); // of local/llama3.2; -1: unknown
    QTest::newRow("one model") << "llama3.2 = 0.5 / 2"
                               << "llama3.2 = 0.5 / 2" << 2.5;
    QTest::newRow("with a cached price, two models, loose spacing")
        << " llama3.2=0.2/0.8/0.02 ; qwen3:8b = 0 / 0"
        << "llama3.2 = 0.2 / 0.8 / 0.02; qwen3:8b = 0 / 0" << 1.0;
    QTest::newRow("none") << ""
                          << "" << -1.0;
}

// Settings → Providers edits the per-model prices of an entry: shown as one line, written to the
// providers file and read back; a session on the file prices its calls with them.
void ProviderSettingsTest::editedPricesSurviveSaveAndReload()
{
    QFETCH(QString, text);
    QFETCH(QString, shown);
    QFETCH(double, costOf1MInAnd1MOut);
    const QString file = path(QStringLiteral("two.json"));
    {
        ProviderSettings settings(nullptr);
        settings.setRemember(false);
        QAbstractItemModelTester tester(&settings);
        QVERIFY(settings.open(file));
        QVERIFY(settings.setField(1, QStringLiteral("prices"), QStringLiteral("stale = 1 / 1")));
        QVERIFY(settings.setField(1, QStringLiteral("prices"), text));
        QCOMPARE(settings.index(1).data(ProviderSettings::PricesTextRole).toString(), shown);
        QVERIFY2(!settings.hasErrors(), qPrintable(settings.problems().join(QLatin1Char('\n'))));
        QVERIFY(settings.save());
    }
    ProviderSettings reopened(nullptr);
    reopened.setRemember(false);
    QVERIFY(reopened.open(file));
    QCOMPARE(reopened.index(1).data(ProviderSettings::PricesTextRole).toString(), shown);
    TokenUsage usage;
    usage.inputTokens = 1000000;
    usage.outputTokens = 1000000;
    const std::optional<double> cost = reopened.activeConfig()->pricing().cost(
        QStringLiteral("local"), QStringLiteral("llama3.2"), usage);
    QCOMPARE(cost.has_value(), costOf1MInAnd1MOut >= 0);
    if (cost)
        QCOMPARE(*cost, costOf1MInAnd1MOut);
}

void ProviderSettingsTest::badPricesAreRefused_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("item");
    QTest::newRow("words") << "llama3.2 = cheap"
                           << "llama3.2 = cheap";
    QTest::newRow("no model") << "= 1 / 2"
                              << "= 1 / 2";
    QTest::newRow("one number") << "m = 1"
                                << "m = 1";
    QTest::newRow("negative") << "ok = 1 / 2; m = -1 / 2"
                              << "m = -1 / 2";
    QTest::newRow("four numbers") << "m = 1 / 2 / 3 / 4"
                                  << "m = 1 / 2 / 3 / 4";
    QTest::newRow("no equals sign") << "m 1 2"
                                    << "m 1 2";
}

void ProviderSettingsTest::badPricesAreRefused()
{
    QFETCH(QString, text);
    QFETCH(QString, item);
    ProviderSettings settings(nullptr);
    settings.setRemember(false);
    QVERIFY(settings.open(path(QStringLiteral("two.json"))));
    const ProviderConfig before = settings.edited();
    QVERIFY(!settings.setField(1, QStringLiteral("prices"), text));
    QCOMPARE(settings.message(),
             QStringLiteral("Prices of local: \"%1\" is not a price. Write model = input / output "
                            "[/ cached input], in USD per 1M tokens, items separated by \";\".")
                 .arg(item));
    QCOMPARE(settings.edited(), before);
    QVERIFY(!settings.dirty());
}

void ProviderSettingsTest::kindChangeCarriesOnlyDefaults()
{
    ProviderSettings settings(nullptr);
    settings.setRemember(false);
    QVERIFY(settings.open(path(QStringLiteral("two.json"))));
    const int row = settings.addProvider(QStringLiteral("openai"));
    QCOMPARE(settings.index(row).data(ProviderSettings::ProviderIdRole).toString(),
             QStringLiteral("openai-2"));
    QVERIFY(settings.setField(row, QStringLiteral("kind"), QStringLiteral("gemini")));
    const ProviderConfigEntry gemini = settings.edited().providers.at(row);
    QCOMPARE(gemini.baseUrl,
             QUrl(QStringLiteral("https://generativelanguage.googleapis.com/v1beta")));
    QCOMPARE(gemini.keyEnv, QStringLiteral("GEMINI_API_KEY"));
    QCOMPARE(gemini.keychain, QStringLiteral("ladder-studio/openai-2"));
    QVERIFY(settings.setField(row, QStringLiteral("id"), QStringLiteral("google")));
    QCOMPARE(settings.edited().providers.at(row).keychain, QStringLiteral("ladder-studio/google"));
    // The local entry's own URL stays when its kind changes.
    QVERIFY(settings.setField(1, QStringLiteral("kind"), QStringLiteral("anthropic")));
    QCOMPARE(settings.edited().providers.at(1).baseUrl,
             QUrl(QStringLiteral("http://127.0.0.1:11434/v1")));
    QCOMPARE(settings.edited().providers.at(1).keyEnv, QStringLiteral("ANTHROPIC_API_KEY"));
}

void ProviderSettingsTest::createWritesStarterFile()
{
    ProviderSettings settings(nullptr);
    settings.setRemember(false);
    const QString file = path(QStringLiteral("fresh.json"));
    QVERIFY(settings.create(file));
    QVERIFY(!settings.simulated());
    QCOMPARE(settings.rowCount(), 1);
    Diagnostics diagnostics;
    const ProviderConfig written = ProviderConfig::load(file, &diagnostics);
    QVERIFY(diagnostics.isEmpty());
    QCOMPARE(written.providers.at(0).keyEnv, QStringLiteral("OPENAI_API_KEY"));
    QVERIFY(!readFile(file).contains("api_key"));
    QVERIFY(!settings.create(path(QStringLiteral("missing/dir/x.json"))));
    QVERIFY(settings.message().contains(QStringLiteral("missing/dir/x.json")));
}

void ProviderSettingsTest::checkRunsWithoutBlocking_data()
{
    QTest::addColumn<int>("faultStatus"); // 0: none
    QTest::addColumn<QString>("state");
    QTest::addColumn<QString>("status");

    QTest::newRow("answers") << 0 << "ok"
                             << "ok";
    QTest::newRow("rate_limited") << 429 << "failed"
                                  << "rate_limited (HTTP 429)";
    QTest::newRow("unauthorized") << 401 << "failed"
                                  << "auth (HTTP 401)";
}

void ProviderSettingsTest::checkRunsWithoutBlocking()
{
    QFETCH(int, faultStatus);
    QFETCH(QString, state);
    QFETCH(QString, status);
    ServedProviders served(path(QStringLiteral("served.json")));
    QVERIFY(served.ready);
    DialectServer &server = served.server;
    ProviderSettings &settings = served.settings;
    if (faultStatus)
        server.failNext({faultStatus, {}});

    QSignalSpy checking(&settings, &ProviderSettings::checkingChanged);
    settings.check(0);
    // check() returned before any answer: the request runs on the event loop.
    QVERIFY(settings.checking());
    QVERIFY(server.calls().isEmpty());
    auto checks = [&] {
        return settings.index(0).data(ProviderSettings::ChecksRole).toList().value(0).toMap();
    };
    QCOMPARE(checks().value(QStringLiteral("state")).toString(), QStringLiteral("queued"));
    QTRY_VERIFY_WITH_TIMEOUT(!settings.checking(), 15000);
    const QVariantMap result = checks();
    QCOMPARE(result.value(QStringLiteral("model")).toString(), QStringLiteral("gpt-5.4-mini"));
    QCOMPARE(result.value(QStringLiteral("state")).toString(), state);
    QCOMPARE(result.value(QStringLiteral("status")).toString(), status);
    QCOMPARE(result.value(QStringLiteral("key")).toString(),
             QStringLiteral("env ") + QLatin1StringView(kKeyVariable));
    QVERIFY(result.value(QStringLiteral("price")).toString().startsWith(QLatin1Char('$')));
    QCOMPARE(result.value(QStringLiteral("ttft")).toString().endsWith(QStringLiteral(" ms")),
             faultStatus == 0);
    QCOMPARE(server.calls().size(), 1);
    QCOMPARE(server.calls().at(0).headers.value("authorization"), QByteArray("Bearer ") + kPlanted);
    for (const QVariant &v : result)
        QVERIFY(!v.toString().contains(QLatin1StringView(kPlanted)));
    // The other entries were not checked.
    QCOMPARE(settings.index(1)
                 .data(ProviderSettings::ChecksRole)
                 .toList()
                 .value(0)
                 .toMap()
                 .value(QStringLiteral("state"))
                 .toString(),
             QStringLiteral("idle"));
}

void ProviderSettingsTest::chatAnswersFromConfiguredServerAndKeepsKeySecret()
{
    ServedProviders served(path(QStringLiteral("served.json")));
    QVERIFY(served.ready);
    DialectServer &server = served.server;
    ProviderSettings &settings = served.settings;

    QTemporaryDir auditDir;
    QVERIFY(auditDir.isValid());
    auto audit = std::make_unique<AuditStore>();
    QVERIFY(audit->open(auditDir.filePath(QStringLiteral("studio.sqlite"))));
    ChatSessionModel chat;
    chat.setAuditStore(audit.get());
    chat.setTimeScale(0);
    chat.setProviders(settings.activeConfig(), settings.keys());
    chat.setLadder(exampleLadder(QStringLiteral("escalation-tool")));
    QSignalSpy idle(&chat, &ChatSessionModel::idle);
    const QString question = QStringLiteral("What's the capital of Portugal?");
    QVERIFY(chat.send(question));
    QVERIFY(idle.wait(30000));

    const ChatSessionModel::Row *answer = firstAnswer(chat);
    QVERIFY(answer);
    QCOMPARE(answer->status, QStringLiteral("done"));
    QVERIFY(!server.calls().isEmpty());
    const ServedCall &call = server.calls().constLast();
    QVERIFY(!answer->text.isEmpty());
    // The model server composes like the simulated provider; that it was asked is what counts.
    QCOMPARE(answer->text, call.answer.text.trimmed());
    QCOMPARE(call.headers.value("authorization"), QByteArray("Bearer ") + kPlanted);
    QCOMPARE(call.request.messages.constLast().content, question);

    const QByteArray key(kPlanted);
    QVERIFY(!chat.toJson().contains(key));
    QVERIFY(!chat.toMarkdown().toUtf8().contains(key));
    QVERIFY(chat.exportTo(auditDir.filePath(QStringLiteral("chat.json"))));
    QVERIFY(!readFile(auditDir.filePath(QStringLiteral("chat.json"))).contains(key));
    chat.setAuditStore(nullptr);
    audit->close();
    const QByteArray stored = bytesIn(auditDir.path());
    QVERIFY2(stored.contains(question.toUtf8()), "the audit database holds the conversation");
    QVERIFY2(!stored.contains(key), "the planted key is in the audit database");

    // Back on the simulated provider, the next chat does not reach the server.
    chat.setProviders(nullptr);
    chat.clear();
    const qsizetype callsBefore = server.calls().size();
    QVERIFY(chat.send(question));
    QVERIFY(idle.wait(30000));
    QCOMPARE(server.calls().size(), callsBefore);
    QVERIFY(firstAnswer(chat) && firstAnswer(chat)->status == QLatin1String("done"));
}

void ProviderSettingsTest::compareColumnsRunOnConfiguredProviders()
{
    ServedProviders served(path(QStringLiteral("served.json")));
    QVERIFY(served.ready);
    DialectServer &server = served.server;
    ProviderSettings &settings = served.settings;

    CompareModel compare;
    compare.setTimeScale(0);
    compare.setProviders(settings.activeConfig(), settings.keys());
    QVERIFY(compare.addTemplate(QStringLiteral("escalation-tool")));
    QVERIFY(compare.addTemplate(QStringLiteral("step-down")));
    QSignalSpy allIdle(&compare, &CompareModel::allIdle);
    QCOMPARE(compare.send(QStringLiteral("What's the capital of Portugal?")), 2);
    QTRY_VERIFY_WITH_TIMEOUT(!compare.busy(), 30000);
    QVERIFY(server.calls().size() >= 2);
    for (int i = 0; i < compare.count(); ++i) {
        const ChatSessionModel::Row *answer = firstAnswer(*compare.column(i));
        QVERIFY(answer);
        QCOMPARE(answer->status, QStringLiteral("done"));
        bool fromServer = false;
        for (const ServedCall &call : server.calls()) // the answer shows less its handoff block
            fromServer = fromServer || call.answer.text.startsWith(answer->text);
        QVERIFY2(fromServer, qPrintable(answer->text));
    }
}

void ProviderSettingsTest::modelWithoutAPriceIsCostUnknownEverywhere_data()
{
    QTest::addColumn<QByteArray>("prices"); // the providers file's "prices" of the entry
    QTest::addColumn<bool>("known");
    QTest::newRow("priced nowhere") << QByteArray() << false;
    QTest::newRow("priced in the providers file")
        << QByteArray(R"(,"prices":{"my-model":{"input_per_mtok":1000,"output_per_mtok":2000}})")
        << true;
}

// A model with no known price (a vLLM fine-tune, say) runs, and every total of the studio says
// "cost unknown" instead of adding it as $0: the chat's totals and Insights (Compare columns show
// the same totals), the tier timeline, the Audit rows, totals and session list.
void ProviderSettingsTest::modelWithoutAPriceIsCostUnknownEverywhere()
{
    QFETCH(QByteArray, prices);
    QFETCH(bool, known);
    DialectServer server{Dialect::OpenAi};
    QVERIFY(server.listen());
    const QString file = path(QStringLiteral("mine.json"));
    QVERIFY(writeFile(file, R"({"format":"providers/1","providers":[{"id":"my-vllm",)"
                            R"("kind":"openai","base_url":")" +
                                server.baseUrl().toEncoded() + R"(","key_env":")" + kKeyVariable +
                                R"(","models":["my-model"])" + prices + "}]}"));
    ProviderSettings settings(nullptr);
    settings.setRemember(false);
    QVERIFY(settings.open(file));

    QTemporaryDir auditDir;
    QVERIFY(auditDir.isValid());
    const QString auditPath = auditDir.filePath(QStringLiteral("studio.sqlite"));
    AuditStore audit;
    QVERIFY(audit.open(auditPath));
    ChatSessionModel chat;
    chat.setAuditStore(&audit);
    chat.setTimeScale(0);
    chat.setProviders(settings.activeConfig(), settings.keys());
    const ParseResult ladder =
        parseLadder(R"({"format":"ladder/1","name":"mine","entry":"only","tiers":[)"
                    R"({"id":"only","provider":"my-vllm","model":"my-model"}]})");
    QVERIFY(ladder.ok());
    chat.setLadder(ladder.ladder);
    QSignalSpy idle(&chat, &ChatSessionModel::idle);
    QVERIFY(chat.send(QStringLiteral("What's the capital of Portugal?")));
    QVERIFY(idle.wait(30000));
    const ChatSessionModel::Row *answer = firstAnswer(chat);
    QVERIFY(answer);
    QCOMPARE(answer->status, QStringLiteral("done"));
    QCOMPARE(answer->costKnown, known);

    const auto isUnknown = [](const QString &label) {
        return label == QLatin1String("cost unknown");
    };
    const auto isPriced = [](const QString &label) {
        return label.startsWith(QLatin1Char('$')) && !label.contains(QLatin1String("unknown")) &&
               label != QLatin1String("$0.00");
    };
    const auto check = [&](const QString &label) {
        return known ? isPriced(label) : isUnknown(label);
    };

    const QVariantMap totals = chat.totals();
    QVERIFY2(check(totals.value(QStringLiteral("costLabel")).toString()),
             qPrintable(totals.value(QStringLiteral("costLabel")).toString()));
    QCOMPARE(totals.value(QStringLiteral("costUnknownTurns")).toInt(), known ? 0 : 1);
    const QVariantMap stats = chat.stats();
    QCOMPARE(stats.value(QStringLiteral("costLegend"))
                 .toString()
                 .contains(QLatin1String("unknown cost")),
             !known);
    const QVariantList cumulative = stats.value(QStringLiteral("cumulativeCostLabel")).toList();
    QCOMPARE(cumulative.size(), 1);
    QVERIFY(check(cumulative.first().toString()));

    ChatTimelineModel *timeline = chat.timeline();
    QCOMPARE(timeline->rowCount(), 1);
    const QModelIndex turn = timeline->index(0);
    QCOMPARE(timeline->data(turn, ChatTimelineModel::CostKnownRole).toBool(), known);
    QVERIFY(check(timeline->data(turn, ChatTimelineModel::CostLabelRole).toString()));

    QVERIFY(audit.sync());
    AuditReader reader;
    QVERIFY(reader.open(auditPath));
    AuditCallModel calls;
    calls.setReader(&reader);
    calls.setSessionId(chat.sessionId());
    QVERIFY(calls.rowCount() >= 1);
    QVERIFY(check(calls.data(calls.index(0), AuditCallModel::CostLabelRole).toString()));
    QVERIFY(check(calls.totals().value(QStringLiteral("costLabel")).toString()));
    AuditSessionModel sessions;
    sessions.setReader(&reader);
    sessions.refresh();
    const int row = sessions.rowOf(chat.sessionId());
    QVERIFY(row >= 0);
    QVERIFY(check(sessions.data(sessions.index(row), AuditSessionModel::CostLabelRole).toString()));
}

QTEST_MAIN(ProviderSettingsTest)
#include "tst_provider_settings.moc"
