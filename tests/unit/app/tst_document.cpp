// LadderDocument: files, the graph models, and every undoable command (do / undo / redo).
#include "common/files.h"
#include "core/ladder_json.h"
#include "core/resources.h"
#include "core/validation.h"
#include "document/ladderdocument.h"
#include "editor/edgescene.h"
#include "providers/provider_config.h"

#include <QAbstractItemModelTester>
#include <QClipboard>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace ladder;

namespace {

QByteArray exampleJson(const QString &name)
{
    return readResource(exampleLadderResourcePath(name));
}

QString tierKey(const QString &id)
{
    return nodeKey(NodeKind::Tier, id);
}

int rowOfKey(const QAbstractItemModel *model, const QString &key)
{
    for (int r = 0; r < model->rowCount(); ++r) {
        if (model->data(model->index(r, 0), NodeListModel::KeyRole).toString() == key)
            return r;
    }
    return -1;
}

} // namespace

class DocumentTest : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void draggedEdgesRepaintInTheirOwnLayer_data();
    void draggedEdgesRepaintInTheirOwnLayer();

    void templatesRoundTripByteForByte_data();
    void templatesRoundTripByteForByte();
    void savingWritesCanonicalFileAndClearsDirty();
    void loadRejectsBadInputWithClearError_data();
    void loadRejectsBadInputWithClearError();
    void modelsExposeNodesAndEdges();

    void addNodeIsUndoable_data();
    void addNodeIsUndoable();
    void deleteSelectionRemovesTierAndItsTransitions();
    void moveMergesOneDragIntoOneStep();
    void moveTouchesOnlyEdgesOfMovedNode();
    void undoingToSavedStateRestoresSavedBytes();
    void connectCreatesTransition_data();
    void connectCreatesTransition();
    void reconnectChangesEndpoints();
    void deleteEdgeRemovesTransition();
    void editPropertyMergesTyping();
    void editFieldsOfEveryElementKind_data();
    void editFieldsOfEveryElementKind();
    void gateFieldsAreUndoableAndSaved_data();
    void gateFieldsAreUndoableAndSaved();
    void badGateValuesBecomeProblems_data();
    void badGateValuesBecomeProblems();
    void paysWithinTurnsOnlyWhereTheFormatHasIt();
    void renamingTierUpdatesReferences();
    void fallbackListCanBeEdited();
    void duplicateCopiesSelectionWithFreshIds();
    void copyPasteBetweenTwoDocuments();
    void clipboardCarriesNodesBetweenDocuments();
    void pasteRejectsForeignText();
    void alignLinesUpSelection_data();
    void alignLinesUpSelection();
    void autoLayoutIsOneUndoableStep();
    void ladderWithoutLayoutOpensLaidOut_data();
    void ladderWithoutLayoutOpensLaidOut();
    void hugeTextReachesTheInspectorElided_data();
    void hugeTextReachesTheInspectorElided();

    void invalidTierIsMarkedAndProblemSelectsIt();
    void configuredProviderModelsArePickable();
    void problemsUseThePricesOfTheProvidersFile_data();
    void problemsUseThePricesOfTheProvidersFile();
    void rubberBandSelectsNodesInside();
    void autosaveCanBeRecovered();
    void problemsPanelOpensOnTheFirstProblem();
    void dataFolderNamesTheApplicationOnce_data();
    void dataFolderNamesTheApplicationOnce();
    void helpersAreConstantPropertiesOfTheDocument_data();
    void helpersAreConstantPropertiesOfTheDocument();
    void inspectorFollowsTheSelectionAndEachEditIsOneStep();
    void clipboardAndSelectionEditsAreOneStepEach();

private:
    std::unique_ptr<LadderDocument> m_doc;
    QList<QAbstractItemModelTester *> m_testers;
    void openExample(const QString &name);
};

void DocumentTest::init()
{
    m_doc = std::make_unique<LadderDocument>();
    for (QAbstractItemModel *m : {static_cast<QAbstractItemModel *>(m_doc->nodes()),
                                  static_cast<QAbstractItemModel *>(m_doc->edges()),
                                  static_cast<QAbstractItemModel *>(m_doc->problems())}) {
        m_testers.append(new QAbstractItemModelTester(
            m, QAbstractItemModelTester::FailureReportingMode::QtTest, m_doc.get()));
    }
}

void DocumentTest::cleanup()
{
    m_testers.clear();
    m_doc.reset();
}

void DocumentTest::openExample(const QString &name)
{
    QVERIFY2(m_doc->loadFromJson(exampleJson(name), name + QStringLiteral(".json")),
             qPrintable(m_doc->errorString()));
}

void DocumentTest::templatesRoundTripByteForByte_data()
{
    QTest::addColumn<QString>("name");
    const QStringList names = exampleLadderNames();
    QCOMPARE(names.size(), 5);
    for (const QString &name : names)
        QTest::newRow(qPrintable(name)) << name;
}

void DocumentTest::templatesRoundTripByteForByte()
{
    QFETCH(QString, name);
    const QByteArray original = exampleJson(name);
    QVERIFY(m_doc->newFromTemplate(name));
    QVERIFY(!m_doc->isDirty());
    QCOMPARE(m_doc->toJson(), original);

    QTemporaryDir dir;
    const QString path = dir.filePath(name + QStringLiteral(".json"));
    QVERIFY(m_doc->saveAs(path));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), original);

    LadderDocument reopened;
    QVERIFY(reopened.load(path));
    QVERIFY(reopened.save());
    QFile again(path);
    QVERIFY(again.open(QIODevice::ReadOnly));
    QCOMPARE(again.readAll(), original);
}

void DocumentTest::savingWritesCanonicalFileAndClearsDirty()
{
    openExample(QStringLiteral("step-down"));
    QSignalSpy dirty(m_doc.get(), &LadderDocument::dirtyChanged);
    m_doc->inspector()->setFieldOf({}, QStringLiteral("name"), QStringLiteral("Renamed"));
    QVERIFY(m_doc->isDirty());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("renamed"));
    QVERIFY(m_doc->saveAs(path));
    QVERIFY(!m_doc->isDirty());
    QCOMPARE(dirty.count(), 2);
    QVERIFY(m_doc->filePath().endsWith(QStringLiteral("renamed.json")));
    QVERIFY(m_doc->displayName() == QStringLiteral("renamed.json"));
    const ParseResult r = loadLadderFile(m_doc->filePath());
    QVERIFY(r.ok());
    QCOMPARE(r.ladder.name, QStringLiteral("Renamed"));
}

void DocumentTest::loadRejectsBadInputWithClearError_data()
{
    QTest::addColumn<QByteArray>("content"); // empty: the file does not exist
    QTest::addColumn<QString>("expected");
    QTest::newRow("missing file") << QByteArray() << QStringLiteral("Cannot open");
    QTest::newRow("not json") << QByteArray("{ this is not json") << QStringLiteral("bad.json");
    QTest::newRow("no tiers") << QByteArray(R"({"format": "ladder/1"})")
                              << QStringLiteral("missing \"tiers\"");
}

void DocumentTest::loadRejectsBadInputWithClearError()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, expected);
    openExample(QStringLiteral("framing"));
    const Ladder before = m_doc->ladder();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bad.json"));
    if (!content.isEmpty()) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
    }
    QVERIFY(!m_doc->load(path));
    QVERIFY2(m_doc->errorString().contains(expected), qPrintable(m_doc->errorString()));
    QCOMPARE(m_doc->ladder(), before);
}

void DocumentTest::modelsExposeNodesAndEdges()
{
    openExample(QStringLiteral("framing"));
    const Ladder &l = m_doc->ladder();
    const int strong = rowOfKey(m_doc->nodes(), tierKey(l.entry));
    QVERIFY(strong >= 0);
    const QModelIndex i = m_doc->nodes()->index(strong);
    QCOMPARE(i.data(NodeListModel::KindRole).toString(), QStringLiteral("tier"));
    QVERIFY(i.data(NodeListModel::IsEntryRole).toBool());
    QVERIFY(i.data(NodeListModel::PriceOutRole).toDouble() > 0);
    QVERIFY(i.data(NodeListModel::SubtitleRole).toString().contains(l.tiers[0].model));
    QVERIFY(QColor(i.data(NodeListModel::ColorRole).toString()).isValid());

    bool sawEntry = false;
    for (int r = 0; r < m_doc->edges()->rowCount(); ++r) {
        const QModelIndex e = m_doc->edges()->index(r);
        if (e.data(EdgeListModel::KindRole).toString() == QLatin1String("entry"))
            sawEntry = true;
        else
            QVERIFY(!e.data(EdgeListModel::LabelRole).toString().isEmpty());
    }
    QVERIFY(sawEntry);
    QCOMPARE(m_doc->edges()->rowCount(), l.transitions.size() + 1);
}

void DocumentTest::addNodeIsUndoable_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("tiers");
    QTest::addColumn<int>("detectors");
    QTest::newRow("tier") << "tier" << 1 << 0;
    QTest::newRow("detector") << "detector" << 0 << 1;
    QTest::newRow("classifier") << "classifier" << 0 << 1;
}

void DocumentTest::addNodeIsUndoable()
{
    QFETCH(QString, kind);
    QFETCH(int, tiers);
    QFETCH(int, detectors);
    openExample(QStringLiteral("framing"));
    const Ladder before = m_doc->ladder();
    const int rows = m_doc->nodes()->rowCount();

    const QString key = m_doc->addNode(kind, 333, 444);
    QVERIFY(!key.isEmpty());
    QCOMPARE(m_doc->ladder().tiers.size(), before.tiers.size() + tiers);
    QCOMPARE(m_doc->ladder().detectors.size(), before.detectors.size() + detectors);
    QCOMPARE(m_doc->nodes()->rowCount(), rows + 1);
    QCOMPARE(m_doc->selection()->keys(), QStringList{key});
    QCOMPARE(m_doc->nodePosition(key), QPointF(340, 440)); // snapped to the 20 px grid
    QVERIFY(m_doc->isDirty());

    m_doc->undo();
    QCOMPARE(m_doc->ladder(), before);
    QCOMPARE(m_doc->nodes()->rowCount(), rows);
    QVERIFY(!m_doc->isDirty());
    m_doc->redo();
    QCOMPARE(m_doc->nodes()->rowCount(), rows + 1);
    QVERIFY(m_doc->nodes()->rowOf(key) >= 0);
}

void DocumentTest::deleteSelectionRemovesTierAndItsTransitions()
{
    openExample(QStringLiteral("step-down"));
    const Ladder before = m_doc->ladder();
    const QString victim = before.tiers[1].id;
    m_doc->selection()->select(tierKey(victim));
    m_doc->deleteSelection();
    const Ladder &after = m_doc->ladder();
    QCOMPARE(after.tiers.size(), before.tiers.size() - 1);
    for (const Transition &t : after.transitions)
        QVERIFY(t.from != victim && t.to != victim);
    for (const NodePosition &p : after.layout)
        QVERIFY(p.id != victim);
    QVERIFY(m_doc->selection()->keys().isEmpty());
    m_doc->undo();
    QCOMPARE(m_doc->ladder(), before);
    QCOMPARE(m_doc->selection()->keys(), QStringList{tierKey(victim)});
    m_doc->redo();
    QCOMPARE(m_doc->ladder().tiers.size(), before.tiers.size() - 1);
}

void DocumentTest::moveMergesOneDragIntoOneStep()
{
    openExample(QStringLiteral("framing"));
    const QString key = tierKey(m_doc->ladder().entry);
    const QPointF start = m_doc->nodePosition(key);
    const int commands = m_doc->undoStack()->count();

    m_doc->beginMove(key);
    m_doc->dragMove(5, 5);
    m_doc->dragMove(30, 12);
    m_doc->dragMove(61, 39);
    m_doc->endMove();
    QCOMPARE(m_doc->undoStack()->count(), commands + 1);
    QCOMPARE(m_doc->nodePosition(key), start + QPointF(60, 40));

    m_doc->beginMove(key); // a second drag is its own step
    m_doc->dragMove(100, 0);
    m_doc->endMove();
    QCOMPARE(m_doc->undoStack()->count(), commands + 2);

    m_doc->undo();
    QCOMPARE(m_doc->nodePosition(key), start + QPointF(60, 40));
    m_doc->undo();
    QCOMPARE(m_doc->nodePosition(key), start);
    m_doc->redo();
    QCOMPARE(m_doc->nodePosition(key), start + QPointF(60, 40));
}

void DocumentTest::moveTouchesOnlyEdgesOfMovedNode()
{
    openExample(QStringLiteral("step-down"));
    const QString key = tierKey(m_doc->ladder().tiers.last().id);
    QSignalSpy nodeChanges(m_doc->nodes(), &QAbstractItemModel::dataChanged);
    QSignalSpy edgeChanges(m_doc->edges(), &QAbstractItemModel::dataChanged);
    QSignalSpy resets(m_doc->edges(), &QAbstractItemModel::modelReset);
    m_doc->beginMove(key); // selects it: one node row changes
    nodeChanges.clear();
    m_doc->dragMove(200, 100);
    m_doc->endMove();
    QCOMPARE(resets.count(), 0);
    QCOMPARE(nodeChanges.count(), 1);
    QCOMPARE(nodeChanges.first().first().toModelIndex().data(NodeListModel::KeyRole).toString(),
             key);
    QVERIFY(edgeChanges.count() > 0);
    for (const QList<QVariant> &change : edgeChanges) {
        const QModelIndex e = change.first().toModelIndex();
        QVERIFY(e.data(EdgeListModel::FromRole).toString() == key ||
                e.data(EdgeListModel::ToRole).toString() == key);
    }
}

void DocumentTest::draggedEdgesRepaintInTheirOwnLayer_data()
{
    QTest::addColumn<QString>("example");
    QTest::newRow("framing") << QStringLiteral("framing");
    QTest::newRow("step-down") << QStringLiteral("step-down");
    QTest::newRow("task-registry") << QStringLiteral("task-registry");
}

// While a node is dragged its edges are live: the canvas's resting edge layer repaints once
// when they leave it and once when they come back, never at the steps in between.
void DocumentTest::draggedEdgesRepaintInTheirOwnLayer()
{
    QFETCH(QString, example);
    openExample(example);
    EdgeScene scene;
    scene.setNodes(m_doc->nodes());
    scene.setEdges(m_doc->edges());
    const QString key = tierKey(m_doc->ladder().tiers.first().id);
    QSignalSpy curves(&scene, &EdgeScene::curvesChanged);
    auto repaintsOf = [&](bool live) {
        int n = 0;
        for (const QList<QVariant> &signal : std::as_const(curves))
            n += signal.at(1).toBool() == live ? 1 : 0;
        return n;
    };
    auto isOwnEdge = [&](const SceneEdge &e) {
        return e.item.from == key || e.item.to == key;
    };

    m_doc->beginMove(key);
    scene.setLiveEdits(true);
    m_doc->dragMove(200, 100);
    QVERIFY(repaintsOf(false) > 0); // they leave the resting layer
    QVERIFY(repaintsOf(true) > 0);
    int ownEdges = 0;
    for (const SceneEdge &e : scene.sceneEdges()) {
        QCOMPARE(e.live, isOwnEdge(e));
        ownEdges += isOwnEdge(e) ? 1 : 0;
    }
    QVERIFY(ownEdges > 0);

    curves.clear();
    m_doc->dragMove(260, 140);
    m_doc->dragMove(320, 180);
    QVERIFY(repaintsOf(true) > 0);
    QCOMPARE(repaintsOf(false), 0);

    curves.clear();
    m_doc->endMove();
    scene.setLiveEdits(false);
    QCOMPARE(repaintsOf(false), 1);
    QRectF moved;
    for (const SceneEdge &e : scene.sceneEdges()) {
        QVERIFY(!e.live);
        if (isOwnEdge(e))
            moved |= e.bounds;
    }
    QVERIFY(curves.first().first().toRectF().contains(moved));
}

void DocumentTest::undoingToSavedStateRestoresSavedBytes()
{
    openExample(QStringLiteral("escalation-tool"));
    const QByteArray original = m_doc->toJson();
    m_doc->selection()->selectAll();
    m_doc->beginMove({});
    m_doc->dragMove(80, 80);
    m_doc->endMove();
    m_doc->addNode(QStringLiteral("tier"), 0, 0);
    m_doc->autoLayout();
    QVERIFY(m_doc->toJson() != original);
    while (m_doc->canUndo())
        m_doc->undo();
    QCOMPARE(m_doc->toJson(), original);
    QVERIFY(!m_doc->isDirty());
}

void DocumentTest::connectCreatesTransition_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<int>("added");
    QTest::addColumn<QString>("entry");
    QTest::newRow("tier to tier") << "tier:light"
                                  << "tier:strong" << 1 << "strong";
    QTest::newRow("start sets entry") << "entry"
                                      << "tier:light" << 0 << "light";
    QTest::newRow("to a detector refused") << "tier:light"
                                           << "memory" << 0 << "strong";
    QTest::newRow("to itself refused") << "tier:light"
                                       << "tier:light" << 0 << "strong";
}

void DocumentTest::connectCreatesTransition()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(int, added);
    QFETCH(QString, entry);
    openExample(QStringLiteral("framing"));
    QCOMPARE(m_doc->ladder().entry, QStringLiteral("strong"));
    const Ladder before = m_doc->ladder();
    m_doc->connectNodes(from, to);
    QCOMPARE(m_doc->ladder().transitions.size(), before.transitions.size() + added);
    QCOMPARE(m_doc->ladder().entry, entry);
    if (added) {
        const Transition &t = m_doc->ladder().transitions.last();
        QCOMPARE(t.from, layoutIdOfKey(from));
        QCOMPARE(t.to, layoutIdOfKey(to));
        QVERIFY(!t.id.isEmpty());
        QCOMPARE(m_doc->edges()->rowCount(), before.transitions.size() + 2);
    }
    if (m_doc->ladder() != before) {
        m_doc->undo();
        QCOMPARE(m_doc->ladder(), before);
    }
}

void DocumentTest::reconnectChangesEndpoints()
{
    openExample(QStringLiteral("step-down"));
    const Ladder before = m_doc->ladder();
    const Transition t0 = before.transitions[0];
    const QString other = before.tiers.last().id;
    QVERIFY(m_doc->reconnectEdge(edgeKeyOfTransition(0), tierKey(t0.from), tierKey(other)));
    QCOMPARE(m_doc->ladder().transitions[0].to, other);
    QCOMPARE(m_doc->ladder().transitions[0].condition, t0.condition);
    m_doc->undo();
    QCOMPARE(m_doc->ladder(), before);
    m_doc->redo();
    QCOMPARE(m_doc->ladder().transitions[0].to, other);
}

void DocumentTest::deleteEdgeRemovesTransition()
{
    openExample(QStringLiteral("framing"));
    const Ladder before = m_doc->ladder();
    m_doc->deleteEdge(edgeKeyOfTransition(0));
    QCOMPARE(m_doc->ladder().transitions.size(), before.transitions.size() - 1);
    m_doc->undo();
    QCOMPARE(m_doc->ladder(), before);
}

void DocumentTest::editPropertyMergesTyping()
{
    openExample(QStringLiteral("framing"));
    const QString key = tierKey(QStringLiteral("light"));
    const QString label = m_doc->ladder().tier(QStringLiteral("light"))->label;
    const int commands = m_doc->undoStack()->count();
    m_doc->selection()->select(key);
    for (const QString &text : {QStringLiteral("W"), QStringLiteral("Wo"), QStringLiteral("Wor")})
        m_doc->inspector()->setField(QStringLiteral("label"), text);
    QCOMPARE(m_doc->undoStack()->count(), commands + 1);
    QCOMPARE(m_doc->ladder().tier(QStringLiteral("light"))->label, QStringLiteral("Wor"));
    QCOMPARE(m_doc->inspector()->fields().value(QStringLiteral("label")).toString(),
             QStringLiteral("Wor"));
    m_doc->inspector()->setField(QStringLiteral("role"),
                                 QStringLiteral("worker")); // another field: new step
    QCOMPARE(m_doc->undoStack()->count(), commands + 2);
    m_doc->undo();
    m_doc->undo();
    QCOMPARE(m_doc->ladder().tier(QStringLiteral("light"))->label, label);
}

void DocumentTest::editFieldsOfEveryElementKind_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<QString>("expectedInInspector");

    QTest::newRow("tier model") << "tier:light"
                                << "model" << QVariant("claude-haiku-4-5") << "claude-haiku-4-5";
    QTest::newRow("tier temperature") << "tier:light"
                                      << "temperature" << QVariant("0.7") << "0.7";
    QTest::newRow("tier max tokens") << "tier:light"
                                     << "maxTokens" << QVariant("2048") << "2048";
    QTest::newRow("tier prompt") << "tier:light"
                                 << "systemPrompt" << QVariant("Be brief.") << "Be brief.";
    QTest::newRow("tier colour") << "tier:light"
                                 << "color" << QVariant("#123456") << "#123456";
    QTest::newRow("transition type") << "t:0"
                                     << "conditionType" << QVariant("on_failure") << "on_failure";
    QTest::newRow("transition turns") << "t:0"
                                      << "turns" << QVariant(5) << "5";
    QTest::newRow("memory budget") << "memory"
                                   << "budgetTokens" << QVariant(900) << "900";
    QTest::newRow("history mode") << "memory"
                                  << "historyMode" << QVariant("full") << "full";
    QTest::newRow("ladder name") << ""
                                 << "name" << QVariant("Renamed") << "Renamed";
}

void DocumentTest::editFieldsOfEveryElementKind()
{
    QFETCH(QString, key);
    QFETCH(QString, field);
    QFETCH(QVariant, value);
    QFETCH(QString, expectedInInspector);
    openExample(QStringLiteral("framing"));
    const Ladder before = m_doc->ladder();
    m_doc->selection()->select(key);
    m_doc->inspector()->setField(field, value);
    QVERIFY(m_doc->ladder() != before);
    QCOMPARE(m_doc->inspector()->fields().value(field).toString(), expectedInInspector);
    m_doc->undo();
    QCOMPARE(m_doc->ladder(), before);
}

// The quality gate's tier fields and "switch only when it pays", set from the inspector: each
// edit is one undoable step and reaches the saved file.
void DocumentTest::gateFieldsAreUndoableAndSaved_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<QString>("pointer");  // where the saved JSON holds it
    QTest::addColumn<QByteArray>("saved"); // compact JSON of the value there
    QTest::addColumn<QString>("shown");    // what the inspector shows

    QTest::newRow("required sections")
        << "tier:light"
        << "requiredSections" << QVariant("Summary\n\n Risks \n") << "/tiers/1/required_sections"
        << QByteArray(R"(["Summary","Risks"])") << QString("Summary\nRisks");
    QTest::newRow("self check on") << "tier:light"
                                   << "selfCheck" << QVariant(true) << "/tiers/1/self_check"
                                   << QByteArray(R"({"threshold":0.5})") << QString("true");
    QTest::newRow("self check tier")
        << "tier:light"
        << "selfCheckTier" << QVariant("strong") << "/tiers/1/self_check"
        << QByteArray(R"({"threshold":0.5,"tier":"strong"})") << QString("strong");
    QTest::newRow("self check model")
        << "tier:light"
        << "selfCheckModel" << QVariant("gpt-5-nano") << "/tiers/1/self_check"
        << QByteArray(R"({"model":"gpt-5-nano","threshold":0.5})") << QString("gpt-5-nano");
    QTest::newRow("self check threshold")
        << "tier:light"
        << "selfCheckThreshold" << QVariant("0.7") << "/tiers/1/self_check"
        << QByteArray(R"({"threshold":0.7})") << QString("0.7");
    QTest::newRow("self check prompt")
        << "tier:light"
        << "selfCheckPrompt" << QVariant("Is it right? SCORE: x") << "/tiers/1/self_check"
        << QByteArray(R"({"prompt":"Is it right? SCORE: x","threshold":0.5})")
        << QString("Is it right? SCORE: x");
    QTest::newRow("pays within turns, after_turns")
        << "t:0"
        << "paysWithinTurns" << QVariant(3) << "/transitions/0/when/pays_within_turns"
        << QByteArray("3") << QString("3");
    QTest::newRow("pays within turns, on_signal")
        << "t:1"
        << "paysWithinTurns" << QVariant(2) << "/transitions/1/when/pays_within_turns"
        << QByteArray("2") << QString("2");
    QTest::newRow("pays within turns, return_after")
        << "t:3"
        << "paysWithinTurns" << QVariant(5) << "/transitions/3/when/pays_within_turns"
        << QByteArray("5") << QString("5");
}

void DocumentTest::gateFieldsAreUndoableAndSaved()
{
    QFETCH(QString, key);
    QFETCH(QString, field);
    QFETCH(QVariant, value);
    QFETCH(QString, pointer);
    QFETCH(QByteArray, saved);
    QFETCH(QString, shown);
    openExample(QStringLiteral("framing"));
    const QByteArray before = m_doc->toJson();
    const int commands = m_doc->undoStack()->count();
    m_doc->selection()->select(key);

    // The value at a JSON pointer of the document's saved form, compact; empty when absent.
    auto savedAt = [&]() {
        QJsonValue v = QJsonDocument::fromJson(m_doc->toJson()).object();
        const QStringList parts = pointer.split(QLatin1Char('/'), Qt::SkipEmptyParts);
        for (const QString &part : parts)
            v = v.isArray() ? v.toArray().at(part.toInt()) : v.toObject().value(part);
        if (v.isUndefined())
            return QByteArray();
        return QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact).mid(1).chopped(1);
    };
    QVERIFY(savedAt().isEmpty());

    m_doc->inspector()->setField(field, value);
    QCOMPARE(m_doc->undoStack()->count(), commands + 1);
    QCOMPARE(savedAt(), saved);
    QCOMPARE(m_doc->inspector()->fields().value(field).toString(), shown);
    m_doc->undo();
    QCOMPARE(m_doc->toJson(), before);
    m_doc->redo();
    QCOMPARE(savedAt(), saved);

    // The saved file reads back with the field.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("gate.json"));
    QVERIFY(m_doc->saveAs(path));
    LadderDocument reopened;
    QVERIFY2(reopened.load(path), qPrintable(reopened.errorString()));
    QCOMPARE(reopened.ladder(), m_doc->ladder());
}

// Bad values are kept (so the user sees what they typed) and reported in the Problems panel
// at their path, on the element that holds them.
void DocumentTest::badGateValuesBecomeProblems_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QStringList>("fields");
    QTest::addColumn<QVariantList>("values");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("message");

    QTest::newRow("self check names an unknown tier")
        << "tier:light" << QStringList{"selfCheckTier"} << QVariantList{"nope"}
        << "/tiers/1/self_check/tier"
        << "unknown tier \"nope\"";
    QTest::newRow("threshold above 1") << "tier:light" << QStringList{"selfCheckThreshold"}
                                       << QVariantList{"1.5"} << "/tiers/1/self_check/threshold"
                                       << "expected a number above 0 and at most 1";
    QTest::newRow("threshold 0") << "tier:light" << QStringList{"selfCheckThreshold"}
                                 << QVariantList{"0"} << "/tiers/1/self_check/threshold"
                                 << "expected a number above 0 and at most 1";
    QTest::newRow("tier and model")
        << "tier:light" << QStringList{"selfCheckTier", "selfCheckModel"}
        << QVariantList{"strong", "gpt-5-nano"} << "/tiers/1/self_check"
        << "give \"tier\" or \"model\", not both";
    QTest::newRow("empty section name")
        << "tier:light" << QStringList{"requiredSections"}
        << QVariantList{QVariant(QVariantList{"Summary", ""})} << "/tiers/1/required_sections/1"
        << "expected a section name";
    QTest::newRow("negative pays within turns")
        << "t:0" << QStringList{"paysWithinTurns"} << QVariantList{-1}
        << "/transitions/0/when/pays_within_turns"
        << "expected an integer >= 0";
}

void DocumentTest::badGateValuesBecomeProblems()
{
    QFETCH(QString, key);
    QFETCH(QStringList, fields);
    QFETCH(QVariantList, values);
    QFETCH(QString, path);
    QFETCH(QString, message);
    openExample(QStringLiteral("framing"));
    QCOMPARE(m_doc->problems()->errorCount(), 0);
    m_doc->selection()->select(key);
    for (qsizetype i = 0; i < fields.size(); ++i)
        m_doc->inspector()->setField(fields.at(i), values.at(i));
    const QList<ProblemItem> &items = m_doc->problems()->items();
    const auto it = std::find_if(items.begin(), items.end(),
                                 [&](const ProblemItem &p) { return p.path == path; });
    QVERIFY2(it != items.end(), qPrintable(path));
    QCOMPARE(it->severity, QStringLiteral("error"));
    QCOMPARE(it->message, message);
    QCOMPARE(it->target, key);
    QCOMPARE(m_doc->inspector()->fields().value(QStringLiteral("problem")).toString().isEmpty(),
             false);
    for (qsizetype i = 0; i < fields.size(); ++i)
        m_doc->undo();
    QCOMPARE(m_doc->problems()->errorCount(), 0);
}

// pays_within_turns exists for after_turns, return_after and on_signal only: elsewhere the
// inspector cannot set it, and a type change to such a condition drops it (undoably).
void DocumentTest::paysWithinTurnsOnlyWhereTheFormatHasIt()
{
    openExample(QStringLiteral("framing"));
    const int commands = m_doc->undoStack()->count();
    m_doc->selection()->select(QStringLiteral("t:2")); // post_turn
    m_doc->inspector()->setField(QStringLiteral("paysWithinTurns"), 3);
    QCOMPARE(m_doc->undoStack()->count(), commands);
    QCOMPARE(m_doc->ladder().transitions[2].condition.paysWithinTurns, 0);

    m_doc->selection()->select(QStringLiteral("t:0")); // after_turns
    m_doc->inspector()->setField(QStringLiteral("paysWithinTurns"), 3);
    m_doc->inspector()->setField(QStringLiteral("conditionType"), QStringLiteral("post_turn"));
    QCOMPARE(m_doc->ladder().transitions[0].condition.paysWithinTurns, 0);
    const ParseResult r = parseLadder(m_doc->toJson(), QStringLiteral("t.json"));
    QVERIFY(r.ok());
    m_doc->undo();
    QCOMPARE(m_doc->ladder().transitions[0].condition.paysWithinTurns, 3);
    QCOMPARE(m_doc->inspector()->fields().value(QStringLiteral("paysWithinTurns")).toInt(), 3);

    // Renaming the checking tier renames the self_check's reference too.
    m_doc->selection()->select(tierKey(QStringLiteral("light")));
    m_doc->inspector()->setField(QStringLiteral("selfCheckTier"), QStringLiteral("strong"));
    m_doc->selection()->select(tierKey(QStringLiteral("strong")));
    m_doc->inspector()->setField(QStringLiteral("id"), QStringLiteral("planner"));
    QCOMPARE(m_doc->ladder().tier(QStringLiteral("light"))->selfCheck->tier,
             QStringLiteral("planner"));
}

void DocumentTest::renamingTierUpdatesReferences()
{
    openExample(QStringLiteral("framing"));
    m_doc->selection()->select(tierKey(QStringLiteral("strong")));
    m_doc->inspector()->setField(QStringLiteral("id"), QStringLiteral("planner"));
    const Ladder &l = m_doc->ladder();
    QCOMPARE(l.entry, QStringLiteral("planner"));
    QVERIFY(l.tierIndex(QStringLiteral("strong")) < 0);
    bool referenced = false;
    for (const Transition &t : l.transitions)
        referenced =
            referenced || t.from == QLatin1String("planner") || t.to == QLatin1String("planner");
    QVERIFY(referenced);
    QCOMPARE(m_doc->selection()->keys(), QStringList{tierKey(QStringLiteral("planner"))});
    QVERIFY(!hasErrors(m_doc->diagnostics()));
}

void DocumentTest::fallbackListCanBeEdited()
{
    openExample(QStringLiteral("framing"));
    m_doc->selection()->select(tierKey(QStringLiteral("light")));
    const QList<ModelRef> before = m_doc->ladder().tier(QStringLiteral("light"))->fallback;
    m_doc->inspector()->addFallback();
    QCOMPARE(m_doc->ladder().tier(QStringLiteral("light"))->fallback.size(), before.size() + 1);
    m_doc->inspector()->moveFallback(int(before.size()), 0);
    QCOMPARE(m_doc->ladder().tier(QStringLiteral("light"))->fallback.value(1), before.value(0));
    m_doc->inspector()->setFallback(0, {}, QStringLiteral("gpt-5-nano"));
    QCOMPARE(m_doc->ladder().tier(QStringLiteral("light"))->fallback[0].model,
             QStringLiteral("gpt-5-nano"));
    m_doc->inspector()->removeFallback(0);
    QCOMPARE(m_doc->ladder().tier(QStringLiteral("light"))->fallback, before);
    for (int i = 0; i < 4; ++i)
        m_doc->undo();
    QCOMPARE(m_doc->ladder().tier(QStringLiteral("light"))->fallback, before);
}

void DocumentTest::duplicateCopiesSelectionWithFreshIds()
{
    openExample(QStringLiteral("framing"));
    const Ladder before = m_doc->ladder();
    m_doc->selection()->select(tierKey(QStringLiteral("strong")));
    m_doc->selection()->select(tierKey(QStringLiteral("light")), QStringLiteral("add"));
    m_doc->clipboard()->duplicate();
    const Ladder &l = m_doc->ladder();
    QCOMPARE(l.tiers.size(), before.tiers.size() + 2);
    QVERIFY(l.tierIndex(QStringLiteral("strong_2")) >= 0);
    QVERIFY(l.tierIndex(QStringLiteral("light_2")) >= 0);
    int internal = 0;
    for (const Transition &t : before.transitions)
        internal += (t.from == "strong" || t.from == "light") &&
                            (t.to == "strong" || t.to == "light" || t.to.isEmpty())
                        ? 1
                        : 0;
    QCOMPARE(l.transitions.size(), before.transitions.size() + internal);
    QVERIFY(m_doc->selection()->keys().contains(tierKey(QStringLiteral("strong_2"))));
    QCOMPARE(m_doc->nodePosition(tierKey(QStringLiteral("strong_2"))),
             m_doc->nodePosition(tierKey(QStringLiteral("strong"))) + QPointF(40, 40));
    m_doc->undo();
    QCOMPARE(m_doc->ladder(), before);
}

void DocumentTest::copyPasteBetweenTwoDocuments()
{
    openExample(QStringLiteral("step-down"));
    m_doc->selection()->selectAll();
    const QString json = m_doc->clipboard()->selectionJson();
    QVERIFY(!json.isEmpty());

    LadderDocument target;
    QAbstractItemModelTester tester(target.nodes());
    QVERIFY(target.newFromTemplate(QStringLiteral("framing")));
    const Ladder before = target.ladder();
    QVERIFY(target.clipboard()->pasteJson(json, 1000, 500));
    const Ladder &l = target.ladder();
    QCOMPARE(l.tiers.size(), before.tiers.size() + m_doc->ladder().tiers.size());
    QCOMPARE(l.transitions.size(), before.transitions.size() + m_doc->ladder().transitions.size());
    QCOMPARE(l.detectors.size(), before.detectors.size() + m_doc->ladder().detectors.size());
    QSet<QString> ids;
    for (const Tier &t : l.tiers)
        ids.insert(t.id);
    QCOMPARE(ids.size(), l.tiers.size());
    QVERIFY(!hasErrors(target.diagnostics()));
    // The pasted block's top-left lands at the paste point.
    double minX = 1e9;
    for (const QString &key : target.selection()->keys()) {
        if (key.startsWith(QLatin1String("tier:")) || key.startsWith(QLatin1String("detector:")))
            minX = std::min(minX, target.nodePosition(key).x());
    }
    QCOMPARE(minX, 1000.0);
    target.undo();
    QCOMPARE(target.ladder(), before);
}

void DocumentTest::clipboardCarriesNodesBetweenDocuments()
{
    openExample(QStringLiteral("framing"));
    m_doc->selection()->select(tierKey(QStringLiteral("light")));
    m_doc->clipboard()->copy();
    QVERIFY(QGuiApplication::clipboard()->text().contains(QStringLiteral("light")));
    LadderDocument other;
    QVERIFY(other.newFromTemplate(QStringLiteral("escalation-tool")));
    const int tiers = int(other.ladder().tiers.size());
    QVERIFY(other.clipboard()->paste());
    QCOMPARE(other.ladder().tiers.size(), tiers + 1);
}

void DocumentTest::pasteRejectsForeignText()
{
    openExample(QStringLiteral("framing"));
    const Ladder before = m_doc->ladder();
    QVERIFY(!m_doc->clipboard()->pasteJson(QStringLiteral("hello world")));
    QVERIFY(!m_doc->errorString().isEmpty());
    QVERIFY(!m_doc->clipboard()->pasteJson(QStringLiteral("{\"tiers\": 3}")));
    QCOMPARE(m_doc->ladder(), before);
}

void DocumentTest::alignLinesUpSelection_data()
{
    QTest::addColumn<QString>("mode");
    QTest::newRow("left") << "left";
    QTest::newRow("top") << "top";
    QTest::newRow("vcenter") << "vcenter";
}

void DocumentTest::alignLinesUpSelection()
{
    QFETCH(QString, mode);
    openExample(QStringLiteral("step-down"));
    const Ladder before = m_doc->ladder();
    const QStringList keys = {tierKey(before.tiers[0].id), tierKey(before.tiers[1].id),
                              tierKey(before.tiers[2].id)};
    for (const QString &k : keys)
        m_doc->selection()->select(k, QStringLiteral("add"));
    m_doc->align(mode);
    QSet<double> values;
    for (const QString &k : keys) {
        const QRectF r = m_doc->elementRect(k);
        values.insert(mode == QLatin1String("left")  ? r.left()
                      : mode == QLatin1String("top") ? r.top()
                                                     : r.center().y());
    }
    QCOMPARE(values.size(), 1);
    m_doc->undo();
    QCOMPARE(m_doc->ladder(), before);
}

void DocumentTest::autoLayoutIsOneUndoableStep()
{
    openExample(QStringLiteral("listener-worker-reasoner"));
    const Ladder before = m_doc->ladder();
    const int commands = m_doc->undoStack()->count();
    m_doc->autoLayout();
    QVERIFY(m_doc->undoStack()->count() <= commands + 1);
    // Semantics never change with the layout.
    Ladder a = m_doc->ladder();
    Ladder b = before;
    a.layout.clear();
    b.layout.clear();
    QCOMPARE(a, b);
    if (m_doc->undoStack()->count() == commands + 1) {
        m_doc->undo();
        QCOMPARE(m_doc->ladder(), before);
    }
}

void DocumentTest::invalidTierIsMarkedAndProblemSelectsIt()
{
    openExample(QStringLiteral("framing"));
    QCOMPARE(m_doc->problems()->errorCount(), 0);
    const QString key = tierKey(QStringLiteral("light"));
    m_doc->selection()->select(key);
    m_doc->inspector()->setField(QStringLiteral("provider"), QStringLiteral("no-such-provider"));
    QVERIFY(m_doc->problems()->errorCount() > 0);
    const int row = m_doc->nodes()->rowOf(key);
    QVERIFY(m_doc->nodes()->index(row).data(NodeListModel::InvalidRole).toBool());
    int problemRow = -1;
    for (int r = 0; r < m_doc->problems()->rowCount(); ++r) {
        if (m_doc->problems()->items()[r].target == key)
            problemRow = r;
    }
    QVERIFY(problemRow >= 0);
    QVERIFY(m_doc->problems()->items()[problemRow].path.startsWith(QStringLiteral("/tiers/")));
    m_doc->selection()->clear();
    QCOMPARE(m_doc->selection()->selectProblem(problemRow), key);
    QCOMPARE(m_doc->selection()->keys(), QStringList{key});
    m_doc->undo();
    QVERIFY(!m_doc->nodes()->index(row).data(NodeListModel::InvalidRole).toBool());
    QCOMPARE(m_doc->problems()->errorCount(), 0);
}

void DocumentTest::configuredProviderModelsArePickable()
{
    openExample(QStringLiteral("framing"));
    QVERIFY(!m_doc->modelNames().contains(QStringLiteral("llama3.2")));
    QSignalSpy catalogue(m_doc.get(), &LadderDocument::catalogueChanged);
    m_doc->setProviderModels(
        {{QStringLiteral("lab-gpu"), QStringList{QStringLiteral("llama3.2")}}});
    QCOMPARE(catalogue.count(), 1);
    QVERIFY(m_doc->modelNames().contains(QStringLiteral("llama3.2")));
    QVERIFY(m_doc->modelNames().contains(QStringLiteral("gpt-5-mini"))); // the pricing table's too
    QVERIFY(m_doc->providerNames().contains(QStringLiteral("lab-gpu")));

    // Picking the model names its provider, which the validator now knows.
    m_doc->selection()->select(tierKey(QStringLiteral("light")));
    m_doc->inspector()->setField(QStringLiteral("model"), QStringLiteral("llama3.2"));
    const Tier *light = m_doc->ladder().tier(QStringLiteral("light"));
    QCOMPARE(light->provider, QStringLiteral("lab-gpu"));
    const auto unknownProvider = [this] {
        const auto problems = m_doc->problems()->items();
        return std::any_of(problems.cbegin(), problems.cend(), [](const ProblemItem &p) {
            return p.path.endsWith(QStringLiteral("/provider"));
        });
    };
    QVERIFY(!unknownProvider()); // (the validator still wants a price for the model)

    // Without the configuration the same tier names an unknown provider.
    m_doc->setProviderModels({});
    QVERIFY(unknownProvider());
    QVERIFY(!m_doc->modelNames().contains(QStringLiteral("llama3.2")));
}

void DocumentTest::problemsUseThePricesOfTheProvidersFile_data()
{
    QTest::addColumn<QByteArray>("prices"); // the providers file's "prices" of the entry
    QTest::addColumn<bool>("noPriceWarning");
    QTest::newRow("priced in the providers file")
        << QByteArray(R"(,"prices":{"my-model":{"input_per_mtok":0.2,"output_per_mtok":0.6}})")
        << false;
    QTest::newRow("priced nowhere") << QByteArray() << true;
    QTest::newRow("another model priced")
        << QByteArray(R"(,"prices":{"other":{"input_per_mtok":0.2,"output_per_mtok":0.6}})")
        << true;
}

// The Problems panel checks a ladder as `ladder validate --providers FILE` does: a model priced
// only in the providers file has a price; one priced nowhere gets the same warning.
void DocumentTest::problemsUseThePricesOfTheProvidersFile()
{
    QFETCH(QByteArray, prices);
    QFETCH(bool, noPriceWarning);
    Diagnostics read;
    const auto config = std::make_shared<const ProviderConfig>(ProviderConfig::fromJson(
        R"({"format":"providers/1","providers":[{"id":"my-vllm","kind":"openai",)"
        R"("base_url":"http://127.0.0.1:9/v1","models":["my-model"])" +
            prices + "}]}",
        &read, QStringLiteral("providers.json")));
    QVERIFY2(!hasErrors(read), qPrintable(read.isEmpty() ? QString() : read.first().toString()));
    openExample(QStringLiteral("framing"));
    m_doc->setProviderConfig(config);
    m_doc->selection()->select(tierKey(QStringLiteral("light")));
    m_doc->inspector()->setField(QStringLiteral("model"), QStringLiteral("my-model"));
    QCOMPARE(m_doc->ladder().tier(QStringLiteral("light"))->provider, QStringLiteral("my-vllm"));

    // What `ladder validate --providers providers.json` says of the same ladder.
    const PricingTable pricing = config->pricing();
    QStringList expected;
    for (const Diagnostic &d : validate(m_doc->ladder(), config->validationContext(&pricing)))
        expected.append(d.path + QLatin1Char(' ') + d.message);
    QStringList shown;
    for (const ProblemItem &p : m_doc->problems()->items())
        shown.append(p.path + QLatin1Char(' ') + p.message);
    QCOMPARE(shown, expected);
    const bool warned = std::any_of(shown.cbegin(), shown.cend(), [](const QString &line) {
        return line.contains(QLatin1String("no price for model \"my-model\""));
    });
    QCOMPARE(warned, noPriceWarning);

    // Back on the simulated provider, the id is unknown again.
    m_doc->setProviderConfig(nullptr);
    const auto problems = m_doc->problems()->items();
    QVERIFY(std::any_of(problems.cbegin(), problems.cend(),
                        [](const ProblemItem &p) { return p.path.endsWith(u"/provider"); }));
}

void DocumentTest::rubberBandSelectsNodesInside()
{
    openExample(QStringLiteral("step-down"));
    const QRectF a = m_doc->elementRect(tierKey(m_doc->ladder().tiers[0].id));
    m_doc->selection()->selectInRect(a.adjusted(-5, -5, 5, 5), false);
    QVERIFY(m_doc->selection()->keys().contains(tierKey(m_doc->ladder().tiers[0].id)));
    QSignalSpy changed(m_doc->selection(), &LadderSelection::changed);
    m_doc->selection()->selectInRect(QRectF(-100000, -100000, 10, 10), false);
    QVERIFY(m_doc->selection()->keys().isEmpty());
    QCOMPARE(changed.count(), 1);
}

void DocumentTest::autosaveCanBeRecovered()
{
    QTemporaryDir dir;
    const QString original = dir.filePath(QStringLiteral("mine.json"));
    QVERIFY(m_doc->newFromTemplate(QStringLiteral("task-registry")));
    QVERIFY(m_doc->saveAs(original));
    m_doc->setAutosavePath(dir.filePath(QStringLiteral("autosave.json")));
    m_doc->inspector()->setFieldOf({}, QStringLiteral("name"), QStringLiteral("Unsaved edit"));
    QVERIFY(m_doc->writeAutosave());

    LadderDocument recovered;
    QVERIFY(recovered.recoverFrom(dir.filePath(QStringLiteral("autosave.json"))));
    QCOMPARE(recovered.ladder(), m_doc->ladder());
    QVERIFY(recovered.isDirty());
    QCOMPARE(recovered.filePath(), QFileInfo(original).absoluteFilePath());

    m_doc->removeAutosave();
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("autosave.json"))));
}

// The Problems panel's list: folded without problems, open on the first one, folded again when
// the last goes; in between the user's toggle holds.
void DocumentTest::problemsPanelOpensOnTheFirstProblem()
{
    ProblemListModel *problems = m_doc->problems();
    QVERIFY(m_doc->newFromTemplate(QStringLiteral("framing")));
    QCOMPARE(problems->rowCount(), 0);
    QVERIFY(!problems->expanded());
    QSignalSpy toggled(problems, &ProblemListModel::expandedChanged);
    m_doc->inspector()->setFieldOf(QStringLiteral("tier:light"), QStringLiteral("provider"),
                                   QStringLiteral("nowhere"));
    QVERIFY(problems->rowCount() > 0);
    QVERIFY(problems->expanded());
    QCOMPARE(toggled.size(), 1);
    problems->setExpanded(false); // the user folds it
    m_doc->inspector()->setFieldOf(QStringLiteral("tier:strong"), QStringLiteral("provider"),
                                   QStringLiteral("elsewhere"));
    QVERIFY(!problems->expanded()); // more problems do not reopen it
    m_doc->undo();
    m_doc->undo();
    QCOMPARE(problems->rowCount(), 0);
    QVERIFY(!problems->expanded());
    m_doc->redo();
    QVERIFY(problems->expanded());
}

// The data folder is <user data>/ladder-studio (not LadderStudio/ladder-studio); files of the
// old folder move there unless the new one already has them.
void DocumentTest::dataFolderNamesTheApplicationOnce_data()
{
    QTest::addColumn<QStringList>("old");
    QTest::addColumn<QStringList>("current");
    QTest::addColumn<QStringList>("moved");
    QTest::newRow("first start") << QStringList{} << QStringList{} << QStringList{};
    QTest::newRow("an autosave and a store from before")
        << QStringList{"autosave.json", "studio.sqlite"} << QStringList{}
        << QStringList{"autosave.json", "studio.sqlite"};
    QTest::newRow("the new folder's file wins")
        << QStringList{"autosave.json", "studio.sqlite"} << QStringList{"studio.sqlite"}
        << QStringList{"autosave.json"};
}

void DocumentTest::dataFolderNamesTheApplicationOnce()
{
    QFETCH(QStringList, old);
    QFETCH(QStringList, current);
    QFETCH(QStringList, moved);
    QTemporaryDir home;
    const QByteArray savedHome = qgetenv("XDG_DATA_HOME");
    const QString savedOrg = QCoreApplication::organizationName();
    const QString savedApp = QCoreApplication::applicationName();
    qputenv("XDG_DATA_HOME", home.path().toUtf8());
    QCoreApplication::setOrganizationName(QStringLiteral("LadderStudio"));
    QCoreApplication::setApplicationName(QStringLiteral("ladder-studio"));
    auto write = [](const QString &path, const QByteArray &content) {
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile f(path);
        return f.open(QIODevice::WriteOnly) && f.write(content) == content.size();
    };
    const QString oldDir = home.filePath(QStringLiteral("LadderStudio/ladder-studio"));
    const QString newDir = home.filePath(QStringLiteral("ladder-studio"));
    for (const QString &name : old)
        QVERIFY(write(oldDir + '/' + name, "old"));
    for (const QString &name : current)
        QVERIFY(write(newDir + '/' + name, "new"));

    const QString folder = Files::dataFolder();
    QCOMPARE(folder, newDir);
    QVERIFY(QFileInfo(folder).isDir());
    for (const QString &name : old) {
        QFile f(newDir + '/' + name);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray(moved.contains(name) ? "old" : "new"));
        QCOMPARE(QFileInfo::exists(oldDir + '/' + name), !moved.contains(name));
    }
    QCOMPARE(QFileInfo::exists(oldDir), old.size() != moved.size());

    if (savedHome.isNull())
        qunsetenv("XDG_DATA_HOME");
    else
        qputenv("XDG_DATA_HOME", savedHome);
    QCoreApplication::setOrganizationName(savedOrg);
    QCoreApplication::setApplicationName(savedApp);
}

void DocumentTest::ladderWithoutLayoutOpensLaidOut_data()
{
    QTest::addColumn<QString>("name");
    for (const QString &name : exampleLadderNames())
        QTest::newRow(qPrintable(name)) << name;
}

void DocumentTest::ladderWithoutLayoutOpensLaidOut()
{
    QFETCH(QString, name);
    Ladder ladder = parseLadder(exampleJson(name)).ladder;
    ladder.layout.clear();
    QVERIFY(m_doc->loadFromJson(toCanonicalJson(ladder), QStringLiteral("no-layout.json")));
    // Every node has the position the Auto-Layout action gives it, in the document's layout.
    QSet<QString> laidOut;
    for (const NodePosition &p : m_doc->ladder().layout)
        laidOut.insert(p.id);
    QSet<QString> nodes;
    for (const GraphNode &n : m_doc->graph().nodes)
        nodes.insert(layoutIdOfKey(n.key));
    QCOMPARE(laidOut, nodes);
    m_doc->autoLayout();
    QCOMPARE(m_doc->undoStack()->count(), 0); // nothing left for Auto-Layout to do
    // Opening is not an edit; the layout is not a problem either.
    QVERIFY(!m_doc->isDirty());
    QVERIFY(!m_doc->canUndo());
    for (const Diagnostic &d : m_doc->diagnostics())
        QVERIFY2(!d.path.startsWith(QLatin1String("/layout")), qPrintable(d.toString()));
    // Positions stay put through an edit, and are saved.
    const QPointF before = m_doc->nodePosition(QStringLiteral("memory"));
    m_doc->selection()->select(tierKey(m_doc->ladder().tiers.constFirst().id));
    m_doc->inspector()->setField(QStringLiteral("label"), QStringLiteral("Renamed"));
    QCOMPARE(m_doc->nodePosition(QStringLiteral("memory")), before);
    QVERIFY(m_doc->toJson().contains("\"layout\""));
}

void DocumentTest::hugeTextReachesTheInspectorElided_data()
{
    QTest::addColumn<QString>("field"); // of the ladder ("") or of its first tier
    QTest::addColumn<QString>("key");
    QTest::addColumn<int>("length");
    QTest::addColumn<bool>("elided");
    QTest::newRow("ladder description, short") << "description"
                                               << "" << 2000 << false;
    QTest::newRow("ladder description, 5 MB") << "description"
                                              << "" << 5000000 << true;
    QTest::newRow("tier description, 5 MB") << "description"
                                            << "tier" << 5000000 << true;
    QTest::newRow("system prompt, 200 KB") << "systemPrompt"
                                           << "tier" << 200000 << true;
    QTest::newRow("system prompt, short") << "systemPrompt"
                                          << "tier" << 5000 << false;
}

void DocumentTest::hugeTextReachesTheInspectorElided()
{
    QFETCH(QString, field);
    QFETCH(QString, key);
    QFETCH(int, length);
    QFETCH(bool, elided);
    Ladder ladder = parseLadder(exampleJson(QStringLiteral("framing"))).ladder;
    const QString text = QString(length, QLatin1Char('x'));
    if (key.isEmpty())
        ladder.description = text;
    else if (field == QLatin1String("description"))
        ladder.tiers.first().description = text;
    else
        ladder.tiers.first().systemPrompt = text;
    QVERIFY(m_doc->loadFromJson(toCanonicalJson(ladder)));
    if (!key.isEmpty())
        m_doc->selection()->select(tierKey(ladder.tiers.first().id));
    const QVariantMap info = m_doc->inspector()->fields();
    const QString shown = info.value(field).toString();
    QCOMPARE(info.value(field + QStringLiteral("Elided")).toBool(), elided);
    QCOMPARE(info.value(field + QStringLiteral("Length")).toInt(), length);
    if (elided) {
        // A text editor lays out a few thousand characters, not megabytes.
        QVERIFY2(shown.size() <= 4001, qPrintable(QString::number(shown.size())));
        QVERIFY(text.startsWith(shown.chopped(1)));
    } else {
        QCOMPARE(shown, text);
    }
    // The document keeps the whole text.
    const Ladder &kept = m_doc->ladder();
    QCOMPARE(key.isEmpty()                           ? kept.description
             : field == QLatin1String("description") ? kept.tiers.first().description
                                                     : kept.tiers.first().systemPrompt,
             text);
}

// The selection, the clipboard and the inspector are their own objects, owned by the document and
// reached from QML as `document.selection`, `document.clipboard`, `document.inspector`.
void DocumentTest::helpersAreConstantPropertiesOfTheDocument_data()
{
    QTest::addColumn<QByteArray>("property");
    QTest::addColumn<QByteArray>("className");
    QTest::newRow("selection") << QByteArray("selection") << QByteArray("ladder::LadderSelection");
    QTest::newRow("clipboard") << QByteArray("clipboard") << QByteArray("ladder::LadderClipboard");
    QTest::newRow("inspector") << QByteArray("inspector") << QByteArray("ladder::LadderInspector");
}

void DocumentTest::helpersAreConstantPropertiesOfTheDocument()
{
    QFETCH(QByteArray, property);
    QFETCH(QByteArray, className);
    const QMetaObject *meta = m_doc->metaObject();
    const int index = meta->indexOfProperty(property.constData());
    QVERIFY(index >= 0);
    const QMetaProperty p = meta->property(index);
    QVERIFY(p.isConstant());
    QObject *helper = p.read(m_doc.get()).value<QObject *>();
    QVERIFY(helper);
    QCOMPARE(QByteArray(helper->metaObject()->className()), className);
    QCOMPARE(helper->parent(), m_doc.get());
    // The document forwards none of the helpers' jobs.
    for (const char *gone : {"select(QString)", "setField(QString,QVariant)", "copyToClipboard()",
                             "pasteJson(QString)", "duplicateSelection()", "selectProblem(int)"})
        QCOMPARE(meta->indexOfMethod(gone), -1);
}

void DocumentTest::inspectorFollowsTheSelectionAndEachEditIsOneStep()
{
    openExample(QStringLiteral("framing"));
    LadderInspector *inspector = m_doc->inspector();
    QSignalSpy changed(inspector, &LadderInspector::changed);
    m_doc->selection()->select(tierKey(QStringLiteral("strong")));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(inspector->fields().value(QStringLiteral("kind")).toString(), QStringLiteral("tier"));
    m_doc->selection()->select(QStringLiteral("memory"));
    QCOMPARE(inspector->fields().value(QStringLiteral("inject")).toString(),
             QStringLiteral("on_switch"));

    const int commands = m_doc->undoStack()->count();
    changed.clear();
    inspector->setField(QStringLiteral("inject"), QStringLiteral("every_turn"));
    QCOMPARE(m_doc->undoStack()->count(), commands + 1);
    QVERIFY(changed.count() >= 1);
    QCOMPARE(inspector->fields().value(QStringLiteral("inject")).toString(),
             QStringLiteral("every_turn"));
    // A spelling the format does not have changes nothing and pushes nothing.
    inspector->setField(QStringLiteral("inject"), QStringLiteral("sometimes"));
    QCOMPARE(m_doc->undoStack()->count(), commands + 1);
    m_doc->undo();
    QCOMPARE(m_doc->ladder().memory.inject, MemoryPolicy::Inject::OnSwitch);
    QCOMPARE(m_doc->selection()->keys(), QStringList{QStringLiteral("memory")});
}

void DocumentTest::clipboardAndSelectionEditsAreOneStepEach()
{
    openExample(QStringLiteral("framing"));
    const int commands = m_doc->undoStack()->count();
    m_doc->selection()->selectAll();
    QCOMPARE(m_doc->undoStack()->count(), commands); // selecting is not an edit
    m_doc->selection()->select(tierKey(QStringLiteral("light")));
    const qsizetype tiers = m_doc->ladder().tiers.size();
    m_doc->clipboard()->duplicate();
    QCOMPARE(m_doc->undoStack()->count(), commands + 1);
    QCOMPARE(m_doc->ladder().tiers.size(), tiers + 1);
    QCOMPARE(m_doc->selection()->count(), 1); // the copy is selected
    QVERIFY(!m_doc->selection()->contains(tierKey(QStringLiteral("light"))));
    m_doc->clipboard()->cut();
    QCOMPARE(m_doc->undoStack()->count(), commands + 2);
    QCOMPARE(m_doc->ladder().tiers.size(), tiers);
    m_doc->undo();
    QCOMPARE(m_doc->ladder().tiers.size(), tiers + 1);
    QCOMPARE(m_doc->selection()->count(), 1);
}

QTEST_MAIN(DocumentTest)
#include "tst_document.moc"
