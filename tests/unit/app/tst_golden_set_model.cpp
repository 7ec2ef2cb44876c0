// The Evaluate area's golden-set editor: cases added, edited, duplicated and deleted through
// undoable commands, saved in the generic JSONL format and read back by the importer; a case
// that would not read back is named by file, line and field.

#include "evaluate/goldensetmodel.h"

#include "eval/importers.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ladder;

class TestGoldenSetModel : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString writeSet(const QString &name, const QByteArray &lines)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(path));
        f.write(lines);
        return path;
    }

private slots:
    void buildsASetThatTheImporterReads()
    {
        GoldenSetModel model;
        QAbstractItemModelTester tester(&model);
        model.newSet();
        QCOMPARE(model.title(), QStringLiteral("Untitled set"));
        const int row = model.addCase();
        QVERIFY(model.setField(row, QStringLiteral("task"), QStringLiteral("maths")));
        QVERIFY(
            model.setField(row, QStringLiteral("turns"),
                           QStringList{QStringLiteral("Hi"), QStringLiteral("What is 6 * 7?")}));
        QVERIFY(model.setField(row, QStringLiteral("scorer"), QStringLiteral("last_number")));
        QVERIFY(model.setField(row, QStringLiteral("value"), QStringLiteral("42")));
        QVERIFY(model.setField(row, QStringLiteral("constraints"),
                               QStringList{QStringLiteral("\\d"), QString()}));
        const int copy = model.duplicateCase(row);
        QCOMPARE(copy, 1);
        QVERIFY(model.setField(copy, QStringLiteral("scorer"), QStringLiteral("json_schema")));
        QVERIFY(model.setField(copy, QStringLiteral("schema"),
                               QStringLiteral(R"({"type": "object", "required": ["answer"]})")));
        QCOMPARE(model.count(), 2);
        QCOMPARE(model.problemCount(), 0);
        QVERIFY(model.modified());
        QVERIFY(!model.save()); // a new set has no file yet
        const QString path = m_dir.filePath(QStringLiteral("built.jsonl"));
        QVERIFY2(model.saveAs(QUrl::fromLocalFile(path).toString()), qPrintable(model.error()));
        QVERIFY(!model.modified());
        QCOMPARE(model.title(), QStringLiteral("built.jsonl"));
        QCOMPARE(model.runnablePath(), path);

        QString error;
        const std::optional<eval::Dataset> set = eval::importDataset(path, QString(), &error);
        QVERIFY2(set, qPrintable(error));
        QCOMPARE(set->cases.size(), 2);
        QCOMPARE(set->cases.at(0).id, QStringLiteral("case-1"));
        QCOMPARE(set->cases.at(0).task, QStringLiteral("maths"));
        QCOMPARE(set->cases.at(0).userTurns.size(), 2);
        QCOMPARE(set->cases.at(0).expect.value, QStringLiteral("42"));
        QCOMPARE(set->cases.at(0).expect.constraints, QStringList{QStringLiteral("\\d")});
        QCOMPARE(set->cases.at(1).id, QStringLiteral("case-1-copy"));
        QCOMPARE(set->cases.at(1).expect.schema.value(QStringLiteral("type")).toString(),
                 QStringLiteral("object"));

        GoldenSetModel reopened;
        QVERIFY2(reopened.open(path), qPrintable(reopened.error()));
        QCOMPARE(reopened.cases(), model.cases());
    }

    void undoAndRedoEveryEdit_data()
    {
        QTest::addColumn<QString>("action");
        QTest::newRow("edit") << "edit";
        QTest::newRow("add") << "add";
        QTest::newRow("duplicate") << "duplicate";
        QTest::newRow("delete") << "delete";
    }
    void undoAndRedoEveryEdit()
    {
        QFETCH(QString, action);
        const QString path = writeSet(
            QStringLiteral("undo.jsonl"),
            R"({"id": "a", "task": "t", "turns": ["one"], "expect": {"scorer": "contains", "value": "x"}}
{"id": "b", "turns": ["two"], "expect": {"scorer": "regex", "pattern": "y+"}}
)");
        GoldenSetModel model;
        QAbstractItemModelTester tester(&model);
        QVERIFY(model.open(path));
        const QList<eval::EvalCase> before = model.cases();
        QVERIFY(!model.canUndo());
        if (action == QLatin1String("edit"))
            QVERIFY(model.setField(1, QStringLiteral("pattern"), QStringLiteral("z")));
        else if (action == QLatin1String("add"))
            model.addCase();
        else if (action == QLatin1String("duplicate"))
            model.duplicateCase(0);
        else
            model.removeCase(0);
        const QList<eval::EvalCase> after = model.cases();
        QVERIFY(after != before);
        QVERIFY(model.modified());
        model.undo();
        QCOMPARE(model.cases(), before);
        QVERIFY(!model.modified());
        model.redo();
        QCOMPARE(model.cases(), after);
    }

    void namesTheFileLineAndField_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QVariant>("value");
        QTest::addColumn<QString>("rowProblem");
        QTest::newRow("contains without value")
            << "value" << QVariant(QString()) << "/expect/value: the contains scorer needs a value";
        QTest::newRow("empty turn")
            << "turns" << QVariant(QStringList{QStringLiteral("one"), QString()})
            << "/turns/1: the user turn is empty";
    }
    void namesTheFileLineAndField()
    {
        QFETCH(QString, field);
        QFETCH(QVariant, value);
        QFETCH(QString, rowProblem);
        const QString path = writeSet(
            QStringLiteral("bad.jsonl"),
            R"({"id": "a", "turns": ["one"], "expect": {"scorer": "contains", "value": "x"}}
{"id": "b", "turns": ["two"], "expect": {"scorer": "contains", "value": "y"}}
)");
        const QByteArray original = [&] {
            QFile f(path);
            f.open(QIODevice::ReadOnly);
            return f.readAll();
        }();
        GoldenSetModel model;
        QVERIFY(model.open(path));
        QVERIFY(model.setField(1, field, value));
        QCOMPARE(model.index(1).data(GoldenSetModel::ProblemRole).toString(), rowProblem);
        QCOMPARE(model.problemCount(), 1);
        QVERIFY(!model.save());
        QCOMPARE(model.error(), QStringLiteral("bad.jsonl:2: ") + rowProblem);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), original); // nothing written
    }

    void refusesValuesItCannotTake_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("error");
        QTest::newRow("schema not JSON") << "schema"
                                         << "{\"type\": "
                                         << "/expect/schema: invalid JSON at character 10: ";
        QTest::newRow("schema not an object") << "schema"
                                              << "[1]"
                                              << "/expect/schema: expected a JSON object";
        QTest::newRow("unknown scorer") << "scorer"
                                        << "bleu"
                                        << "/expect/scorer: unknown scorer \"bleu\"";
        QTest::newRow("duplicate id") << "id"
                                      << "b"
                                      << "/id: \"b\" is already the id of case 2";
    }
    void refusesValuesItCannotTake()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, error);
        const QString path = writeSet(QStringLiteral("refuse.jsonl"),
                                      R"({"id": "a", "turns": ["one"]}
{"id": "b", "turns": ["two"]}
)");
        GoldenSetModel model;
        QVERIFY(model.open(path));
        QVERIFY(!model.setField(0, field, value));
        QVERIFY2(model.error().startsWith(error), qPrintable(model.error()));
        QVERIFY(!model.canUndo());
    }

    void openNamesTheBrokenLine()
    {
        const QString path = writeSet(QStringLiteral("broken.jsonl"),
                                      "{\"id\": \"a\", \"turns\": [\"one\"]}\n{\"turns\": []}\n");
        GoldenSetModel model;
        QVERIFY(!model.open(path));
        QCOMPARE(model.error(),
                 QStringLiteral("broken.jsonl:2: /turns: expected a non-empty array of strings"));
    }
};

QTEST_GUILESS_MAIN(TestGoldenSetModel)
#include "tst_golden_set_model.moc"
