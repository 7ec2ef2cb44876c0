#pragma once

// Builders and raw-SQLite helpers shared by the store tests.

#include "engine/provider.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

namespace ladder::test {

inline ChatRequest sampleRequest()
{
    ChatRequest r;
    r.provider = QStringLiteral("openai");
    r.model = QStringLiteral("gpt-5-mini");
    r.tierId = QStringLiteral("light");
    r.params.temperature = 0.0;
    r.params.maxTokens = 512;
    r.messages.append({ChatMessage::Role::System, QStringLiteral("Be brief."), {}, {}, {}});
    r.messages.append(
        {ChatMessage::Role::User, QStringLiteral("Design a rate limiter."), {}, {}, {}});
    r.tools.append(escalateToolSpec());
    return r;
}

inline ChatResult sampleResult()
{
    ChatResult r;
    r.text = QStringLiteral("Use a token bucket per key.");
    r.toolCalls.append({QStringLiteral("call_1"), QStringLiteral("escalate"),
                        QJsonObject{{QStringLiteral("reason"), QStringLiteral("hard")},
                                    {QStringLiteral("question"), QStringLiteral("why?")}}});
    r.usage = {1200, 800, 240, true};
    r.finishReason = QStringLiteral("tool_calls");
    r.ttftMs = 310.5;
    r.latencyMs = 1900.25;
    r.simulated = true;
    r.raw = QJsonObject{{QStringLiteral("id"), QStringLiteral("chatcmpl-123")}};
    return r;
}

// Runs one statement on its own connection (closed before returning); the first column of the
// first row, or an invalid QVariant. *error gets the driver text on failure.
inline QVariant rawQuery(const QString &path, const QString &sql, QString *error = nullptr)
{
    static int counter = 0;
    const QString name = QStringLiteral("raw-test-%1").arg(++counter);
    QVariant out;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            if (!q.exec(sql)) {
                if (error)
                    *error = q.lastError().text();
            } else if (q.next()) {
                out = q.value(0);
            }
        } else if (error) {
            *error = db.lastError().text();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return out;
}

inline QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

inline bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

} // namespace ladder::test
