#pragma once

// A small labelled data set for the learned-listener tests (generic JSONL, docs/eval-format.md):
// twenty cases, proofs the light model (Mixtral) gets wrong and poems both models get right, so
// a trained listener must send exactly the proofs up.

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

namespace ladder::test {

// Writes the set to `path` and returns it (a test that cannot write its own temp file stops).
inline QString writeLabelledSet(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    for (int i = 0; i < 20; ++i) {
        const bool hard = i % 2 == 0;
        const QJsonObject c{
            {"id", QStringLiteral("c%1").arg(i)},
            {"turns", QJsonArray{hard ? QStringLiteral("Prove the theorem number %1.").arg(i)
                                      : QStringLiteral("Write a poem number %1.").arg(i)}},
            {"answers", QJsonObject{{"gpt-4-1106-preview", QJsonArray{"a"}},
                                    {"mistralai/Mixtral-8x7B-Instruct-v0.1", QJsonArray{"b"}}}},
            {"labels", QJsonObject{{"gpt-4-1106-preview", QJsonArray{true}},
                                   {"mistralai/Mixtral-8x7B-Instruct-v0.1", QJsonArray{!hard}}}}};
        f.write(QJsonDocument(c).toJson(QJsonDocument::Compact) + '\n');
    }
    return path;
}

} // namespace ladder::test
