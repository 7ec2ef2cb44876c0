// Bad input never crashes the parser or the validator: truncated files, flipped bytes and
// values of the wrong type at every position of every example ladder.

#include "core/ladder_json.h"
#include "core/resources.h"
#include "core/validation.h"
#include "json_edit.h"

#include <QtTest>

#include <random>

using namespace ladder;
using namespace ladder::test;

namespace {

Diagnostics check(const QByteArray &json)
{
    const ParseResult parsed = parseLadder(json, QStringLiteral("fuzz.json"));
    Diagnostics all = parsed.diagnostics;
    all += validate(parsed.ladder); // also on the best-effort ladder of a broken file
    for (const Diagnostic &d : std::as_const(all)) {
        if (d.message.isEmpty())
            qFatal("empty diagnostic message at %s", qPrintable(d.path));
    }
    return all;
}

bool isValidJson(const QByteArray &json)
{
    QJsonParseError error;
    QJsonDocument::fromJson(json, &error);
    return error.error == QJsonParseError::NoError;
}

// Every JSON Pointer inside `value`, depth first.
void collectPointers(const QJsonValue &value, const QString &pointer, QStringList *out)
{
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            QString token = it.key();
            token.replace(QLatin1String("~"), QLatin1String("~0"))
                .replace(QLatin1String("/"), QLatin1String("~1"));
            const QString child = pointer + QLatin1Char('/') + token;
            out->append(child);
            collectPointers(it.value(), child, out);
        }
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QString child = pointer + QLatin1Char('/') + QString::number(i);
            out->append(child);
            collectPointers(array.at(i), child, out);
        }
    }
}

QJsonValue valueAt(const QJsonObject &root, const QString &pointer)
{
    QJsonValue v = root;
    for (const QString &token : pointerTokens(pointer))
        v = v.isArray() ? v.toArray().at(token.toInt()) : v.toObject().value(token);
    return v;
}

// Free-form places: any value is accepted there.
bool isFreeForm(const QString &pointer)
{
    return pointer.contains(QLatin1String("/extra/")) ||
           pointer.endsWith(QLatin1String("/temperature")) ||
           pointer.endsWith(QLatin1String("/max_tokens"));
}

} // namespace

class TestRobustness : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(!exampleLadderNames().isEmpty()); }

    void survivesTruncatedFiles_data()
    {
        QTest::addColumn<QString>("name");
        for (const QString &name : exampleLadderNames())
            QTest::newRow(qPrintable(name)) << name;
    }

    void survivesTruncatedFiles()
    {
        QFETCH(QString, name);
        const QByteArray full = readResource(exampleLadderResourcePath(name)).trimmed();
        QVERIFY(!full.isEmpty());
        const qsizetype step = std::max<qsizetype>(1, full.size() / 600);
        int checked = 0;
        for (qsizetype length = 0; length < full.size(); length += step) {
            const QByteArray prefix = full.left(length);
            const Diagnostics d = check(prefix);
            QVERIFY2(hasErrors(d), prefix.right(40).constData());
            ++checked;
        }
        QVERIFY(checked > 100);
    }

    void survivesMutatedBytes_data() { survivesTruncatedFiles_data(); }

    void survivesMutatedBytes()
    {
        QFETCH(QString, name);
        const QByteArray original = readResource(exampleLadderResourcePath(name));
        std::mt19937 random(20261123u + uint(qHash(name)));
        std::uniform_int_distribution<int> byte(0, 255);
        int invalid = 0;
        for (int round = 0; round < 400; ++round) {
            QByteArray mutated = original;
            const int flips = 1 + round % 4;
            for (int i = 0; i < flips; ++i) {
                std::uniform_int_distribution<qsizetype> where(0, mutated.size() - 1);
                mutated[where(random)] = char(byte(random));
            }
            const Diagnostics d = check(mutated);
            if (!isValidJson(mutated)) {
                ++invalid;
                QVERIFY2(hasErrors(d), "a syntax error went unreported");
            }
        }
        QVERIFY(invalid > 0); // the test exercised the error path
    }

    void reportsValuesOfTheWrongType_data() { survivesTruncatedFiles_data(); }

    void reportsValuesOfTheWrongType()
    {
        QFETCH(QString, name);
        const QJsonObject root =
            QJsonDocument::fromJson(readResource(exampleLadderResourcePath(name))).object();
        QStringList pointers;
        collectPointers(root, QString(), &pointers);
        QVERIFY(pointers.size() > 50);
        // One value of every JSON type.
        const QList<QJsonValue> replacements = {
            QJsonValue(),      QJsonValue(QJsonArray()), QJsonValue(QJsonObject()),
            QJsonValue(1e308), QJsonValue(true),         QJsonValue("x")};
        for (const QString &pointer : std::as_const(pointers)) {
            const QJsonValue original = valueAt(root, pointer);
            for (const QJsonValue &replacement : replacements) {
                const QJsonObject edited = withValue(root, pointer, replacement);
                const Diagnostics d = check(QJsonDocument(edited).toJson(QJsonDocument::Compact));
                if (replacement.type() != original.type() && !isFreeForm(pointer)) {
                    QVERIFY2(
                        !d.isEmpty(),
                        qPrintable(
                            pointer + QLatin1String(" <- ") +
                            QJsonDocument(QJsonArray{replacement}).toJson(QJsonDocument::Compact)));
                }
            }
            const Diagnostics removed =
                check(QJsonDocument(without(root, pointer)).toJson(QJsonDocument::Compact));
            Q_UNUSED(removed); // optional keys may go; only the absence of a crash counts here
        }
    }
};

QTEST_GUILESS_MAIN(TestRobustness)
#include "tst_robustness.moc"
