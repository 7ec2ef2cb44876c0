// The name table (LadderNames): every ladder/1 spelling the core reader accepts is offered by the
// inspector with translated words, and every offered spelling is one the reader accepts. The rows
// come from the enums themselves where they have a count, so a value added to an enum without a
// spelling, or to core's table without words, fails here.

#include "core/format_names.h"
#include "core/ladder_json.h"
#include "core/validation.h"
#include "document/laddernames.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace ladder;

namespace {

// The framing example as JSON: transitions 0 after_turns, 1 on_signal, 2 post_turn; detector 0 a
// lexicon; memory and history sections.
QJsonObject framing()
{
    const ParseResult r = loadExampleLadder(QStringLiteral("framing"));
    return toJson(r.ladder);
}

QJsonObject withCondition(QJsonObject root, int transition, const QJsonObject &condition)
{
    QJsonArray transitions = root.value(QStringLiteral("transitions")).toArray();
    QJsonObject t = transitions.at(transition).toObject();
    t.insert(QStringLiteral("when"), condition);
    transitions.replace(transition, t);
    root.insert(QStringLiteral("transitions"), transitions);
    return root;
}

QJsonObject withSectionValue(QJsonObject root, const QString &section, const QString &key,
                             const QJsonValue &value)
{
    QJsonObject s = root.value(section).toObject();
    s.insert(key, value);
    root.insert(section, s);
    return root;
}

QJsonObject withDetectorKind(QJsonObject root, const QString &kind)
{
    QJsonArray detectors = root.value(QStringLiteral("detectors")).toArray();
    QJsonObject d = detectors.at(0).toObject();
    d.insert(QStringLiteral("kind"), kind);
    detectors.replace(0, d);
    root.insert(QStringLiteral("detectors"), detectors);
    return root;
}

// A whole condition of `type`, with what that type requires.
QJsonObject conditionOfType(const QString &type)
{
    QJsonObject c{{QStringLiteral("type"), type}};
    if (type == QLatin1String("after_turns") || type == QLatin1String("return_after"))
        c.insert(QStringLiteral("turns"), 2);
    else if (type == QLatin1String("on_signal"))
        c.insert(QStringLiteral("signals"), QJsonArray{QStringLiteral("goal_change")});
    else if (type == QLatin1String("post_turn"))
        c.insert(QStringLiteral("signals"), QJsonArray{QStringLiteral("refusal")});
    else if (type == QLatin1String("on_failure"))
        c.insert(QStringLiteral("errors"), QJsonArray{QStringLiteral("timeout")});
    return c;
}

// The ladder with `name` in the place of list `list`, and the JSON path where it sits.
QJsonObject ladderUsing(const QString &list, const QString &name, QString *path)
{
    const QJsonObject root = framing();
    if (list == QLatin1String("preSignals")) {
        *path = QStringLiteral("/transitions/1/when/signals/0");
        return withCondition(root, 1,
                             {{QStringLiteral("type"), QStringLiteral("on_signal")},
                              {QStringLiteral("signals"), QJsonArray{name}}});
    }
    if (list == QLatin1String("postSignals")) {
        *path = QStringLiteral("/transitions/2/when/signals/0");
        return withCondition(root, 2,
                             {{QStringLiteral("type"), QStringLiteral("post_turn")},
                              {QStringLiteral("signals"), QJsonArray{name}}});
    }
    if (list == QLatin1String("failureKinds")) {
        *path = QStringLiteral("/transitions/0/when/errors/0");
        return withCondition(root, 0,
                             {{QStringLiteral("type"), QStringLiteral("on_failure")},
                              {QStringLiteral("errors"), QJsonArray{name}}});
    }
    if (list == QLatin1String("conditionTypes")) {
        *path = QStringLiteral("/transitions/0/when");
        return withCondition(root, 0, conditionOfType(name));
    }
    if (list == QLatin1String("detectorKinds")) {
        *path = QStringLiteral("/detectors/0/kind");
        return withDetectorKind(root, name);
    }
    if (list == QLatin1String("memoryInjects")) {
        *path = QStringLiteral("/memory/inject");
        return withSectionValue(root, QStringLiteral("memory"), QStringLiteral("inject"), name);
    }
    if (list == QLatin1String("memoryRefreshes")) {
        *path = QStringLiteral("/memory/refresh");
        return withSectionValue(root, QStringLiteral("memory"), QStringLiteral("refresh"), name);
    }
    if (list == QLatin1String("historyModes")) {
        *path = QStringLiteral("/history/mode");
        return withSectionValue(root, QStringLiteral("history"), QStringLiteral("mode"), name);
    }
    if (list == QLatin1String("memoryFields")) {
        *path = QStringLiteral("/memory/fields/0");
        return withSectionValue(root, QStringLiteral("memory"), QStringLiteral("fields"),
                                QJsonArray{name});
    }
    return root;
}

// Errors of reading (and validating) `root` at `path` or below it.
QStringList errorsAt(const QJsonObject &root, const QString &path)
{
    const ParseResult r = parseLadderObject(root, QStringLiteral("names.json"));
    Diagnostics all = r.diagnostics;
    if (r.ok())
        all += validate(r.ladder);
    QStringList out;
    for (const Diagnostic &d : std::as_const(all)) {
        if (d.severity == Diagnostic::Severity::Error &&
            (d.path == path || d.path.startsWith(path + QLatin1Char('/'))))
            out.append(d.toString());
    }
    return out;
}

QStringList namesOf(const QVariantList &options)
{
    QStringList names;
    for (const QVariant &o : options)
        names.append(o.toMap().value(QStringLiteral("name")).toString());
    return names;
}

} // namespace

class TestLadderNames : public QObject
{
    Q_OBJECT

private slots:
    void everyAcceptedSpellingIsOffered_data();
    void everyAcceptedSpellingIsOffered();
    void everyOfferedSpellingIsAccepted_data();
    void everyOfferedSpellingIsAccepted();
    void everySpellingHasWords();
    void aMisspellingIsNotAccepted();
    void cancelledIsNeitherAcceptedNorOfferedOnAnEdge();
    void swatchesAreValidColoursAndNewTiersTakeThemInTurn();
    void canvasLabelsComeFromTheTable();
};

// The spellings as the reader sees them: from each enum's range where it has a count (a value
// added to the enum without a spelling gives an empty name here), else from core's table.
void TestLadderNames::everyAcceptedSpellingIsOffered_data()
{
    QTest::addColumn<QString>("list");
    QTest::addColumn<QString>("name");
    auto add = [](const char *list, const QString &name) {
        QTest::addRow("%s/%s", list, qPrintable(name)) << QString::fromLatin1(list) << name;
    };
    for (int i = 0; i < kPreSignalCount; ++i)
        add("preSignals", toString(PreSignal(i)));
    for (int i = 0; i < kPostSignalCount; ++i)
        add("postSignals", toString(PostSignal(i)));
    for (int i = 0; i < kFailureKindCount; ++i) {
        if (isEdgeFailureKind(FailureKind(i)))
            add("failureKinds", toString(FailureKind(i)));
    }
    for (const QString &n : enumNames(kConditionTypeNames))
        add("conditionTypes", n);
    for (const QString &n : enumNames(kDetectorKindNames))
        add("detectorKinds", n);
    for (const QString &n : enumNames(kInjectNames))
        add("memoryInjects", n);
    for (const QString &n : enumNames(kRefreshNames))
        add("memoryRefreshes", n);
    for (const QString &n : enumNames(kHistoryModeNames))
        add("historyModes", n);
    for (const QString &n : nameList(kMemoryFieldNames))
        add("memoryFields", n);
}

void TestLadderNames::everyAcceptedSpellingIsOffered()
{
    QFETCH(QString, list);
    QFETCH(QString, name);
    QVERIFY2(!name.isEmpty(), "an enum value has no spelling in core/format_names.h");
    QString path;
    const QStringList errors = errorsAt(ladderUsing(list, name, &path), path);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));

    const QVariantList options = LadderNames::options(list);
    const int row = LadderNames::indexOf(options, name);
    QVERIFY2(row >= 0, qPrintable(QStringLiteral("%1 does not offer %2").arg(list, name)));
    const QVariantMap option = options[row].toMap();
    QVERIFY(!option.value(QStringLiteral("text")).toString().isEmpty());
    QVERIFY(!option.value(QStringLiteral("label")).toString().isEmpty());
}

void TestLadderNames::everyOfferedSpellingIsAccepted_data()
{
    QTest::addColumn<QString>("list");
    QTest::addColumn<QString>("name");
    const char *lists[] = {"conditionTypes",  "preSignals",    "postSignals",
                           "failureKinds",    "detectorKinds", "memoryInjects",
                           "memoryRefreshes", "historyModes",  "memoryFields"};
    for (const char *list : lists) {
        const QVariantList options = LadderNames::options(QString::fromLatin1(list));
        QVERIFY2(!options.isEmpty(), list);
        for (const QString &name : namesOf(options))
            QTest::addRow("%s/%s", list, qPrintable(name)) << QString::fromLatin1(list) << name;
    }
}

void TestLadderNames::everyOfferedSpellingIsAccepted()
{
    QFETCH(QString, list);
    QFETCH(QString, name);
    QString path;
    const QStringList errors = errorsAt(ladderUsing(list, name, &path), path);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
}

void TestLadderNames::everySpellingHasWords()
{
    QCOMPARE(LadderNames::unworded(), QStringList());
    QCOMPARE(LadderNames::memoryFields().size(), qsizetype(std::size(kMemoryFieldNames)));
    QCOMPARE(LadderNames::tierRoles(), nameList(kTierRoleSuggestions));
}

// The check above can fail: a spelling the format does not have is refused where it sits.
void TestLadderNames::aMisspellingIsNotAccepted()
{
    const char *lists[] = {"conditionTypes",  "preSignals",    "postSignals",
                           "failureKinds",    "detectorKinds", "memoryInjects",
                           "memoryRefreshes", "historyModes",  "memoryFields"};
    for (const char *list : lists) {
        QString path;
        const QStringList errors = errorsAt(
            ladderUsing(QString::fromLatin1(list), QStringLiteral("no_such"), &path), path);
        QVERIFY2(!errors.isEmpty(), list);
        QCOMPARE(LadderNames::indexOf(LadderNames::options(QString::fromLatin1(list)),
                                      QStringLiteral("no_such")),
                 -1);
    }
}

// `cancelled` is a failure kind of a turn, not one an edge may react to: the reader refuses it
// there, and the inspector does not offer it (it used to, writing files the reader refused).
void TestLadderNames::cancelledIsNeitherAcceptedNorOfferedOnAnEdge()
{
    QString path;
    QVERIFY(
        !errorsAt(ladderUsing(QStringLiteral("failureKinds"), QStringLiteral("cancelled"), &path),
                  path)
             .isEmpty());
    QCOMPARE(LadderNames::indexOf(LadderNames::failureKinds(), QStringLiteral("cancelled")), -1);
}

void TestLadderNames::swatchesAreValidColoursAndNewTiersTakeThemInTurn()
{
    const QStringList swatches = tierSwatches();
    QCOMPARE(swatches.size(), 10);
    const QRegularExpression colour(QStringLiteral("^#[0-9a-f]{6}$"));
    for (const QString &s : swatches)
        QVERIFY2(colour.match(s).hasMatch(), qPrintable(s));
    for (int i = 0; i < 2 * kHandedOutSwatches; ++i)
        QCOMPARE(handedOutTierColor(i), swatches[i % kHandedOutSwatches]);
}

void TestLadderNames::canvasLabelsComeFromTheTable()
{
    QCOMPARE(signalLabel(PreSignal::GoalChange), QStringLiteral("goal change"));
    QCOMPARE(signalLabel(PostSignal::SelfCheckFailed), QStringLiteral("self-check failed"));
    QCOMPARE(failureLabel(FailureKind::RateLimited), QStringLiteral("rate limit"));
    QCOMPARE(injectLabel(MemoryPolicy::Inject::OnSwitch), QStringLiteral("inject on switch"));
    QCOMPARE(refreshLabel(MemoryPolicy::Refresh::None), QStringLiteral("no refresh"));
    HistoryPolicy history;
    history.mode = HistoryPolicy::Mode::MemoryLastK;
    history.lastK = 6;
    QCOMPARE(historyLabel(history), QStringLiteral("memory + last 6"));
    QCOMPARE(memoryFieldText(2), QStringLiteral("Non-goals"));
    const QVariantList types = LadderNames::conditionTypes();
    QCOMPARE(types.first().toMap().value(QStringLiteral("text")).toString(),
             QStringLiteral("After N turns (step down)"));
}

QTEST_GUILESS_MAIN(TestLadderNames)
#include "tst_ladder_names.moc"
