#include "chatexport.h"

#include "chatmessagemodel.h"
#include "common/formatter.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

// The texts keep the translation context they had before the export was split out of
// ChatSessionModel (translations/ladder-studio_de.ts).

namespace ladder {

QString chatToMarkdown(const ChatMessageModel &chat, const QString &title, const QString &sessionId)
{
    QString md;
    md += QStringLiteral("# %1\n\n")
              .arg(title.isEmpty() ? QCoreApplication::translate("ladder::ChatSessionModel", "Chat")
                                   : title);
    md += QCoreApplication::translate("ladder::ChatSessionModel", "Ladder: %1 · session %2")
              .arg(chat.ladder().name, sessionId) +
          QStringLiteral("\n\n");
    for (const ChatMessageModel::Row &r : chat.rows()) {
        if (r.kind == QLatin1String("user")) {
            md += QStringLiteral("## ") +
                  QCoreApplication::translate("ladder::ChatSessionModel", "User (turn %1)")
                      .arg(r.turn) +
                  QStringLiteral("\n\n");
            md += r.text + QStringLiteral("\n\n");
        } else if (r.kind == QLatin1String("notice")) {
            md += QStringLiteral("> ") + r.text + QStringLiteral("\n\n");
        } else {
            md += QStringLiteral("### %1 · %2\n\n").arg(chat.tierLabel(r.tierId), r.model);
            if (r.status == QLatin1String("done")) {
                md += QStringLiteral("_") +
                      QCoreApplication::translate("ladder::ChatSessionModel",
                                                  "%1 in / %2 out tokens · %3 · TTFT %4 ms · %5 ms")
                          .arg(r.inputTokens)
                          .arg(r.outputTokens)
                          .arg(formatCostLabel(r.cost, !r.costKnown))
                          .arg(qRound(r.ttft))
                          .arg(qRound(r.latency)) +
                      QStringLiteral("_\n\n");
            } else if (!r.error.isEmpty()) {
                md += QStringLiteral("**") + r.error + QStringLiteral("**\n\n");
            }
            md += r.text + QStringLiteral("\n\n");
        }
    }
    return md;
}

QByteArray chatToJson(const ChatMessageModel &chat, const QString &title, const QString &sessionId)
{
    QJsonArray turns;
    QJsonObject current;
    QJsonArray notices;
    auto close = [&] {
        if (!current.isEmpty()) {
            current.insert(QStringLiteral("notices"), notices);
            turns.append(current);
        }
        current = {};
        notices = {};
    };
    for (const ChatMessageModel::Row &r : chat.rows()) {
        if (r.kind == QLatin1String("user")) {
            close();
            current.insert(QStringLiteral("turn"), r.turn);
            current.insert(QStringLiteral("user"), r.text);
        } else if (r.kind == QLatin1String("notice")) {
            notices.append(QJsonObject{{QStringLiteral("kind"), r.notice},
                                       {QStringLiteral("text"), r.text},
                                       {QStringLiteral("detail"), r.detail}});
        } else {
            current.insert(QStringLiteral("answer"), r.text);
            current.insert(QStringLiteral("status"), r.status);
            current.insert(QStringLiteral("tier"), r.tierId);
            current.insert(QStringLiteral("model"), r.model);
            current.insert(QStringLiteral("input_tokens"), r.inputTokens);
            current.insert(QStringLiteral("output_tokens"), r.outputTokens);
            current.insert(QStringLiteral("cost_usd"), r.cost);
            current.insert(QStringLiteral("ttft_ms"), r.ttft);
            current.insert(QStringLiteral("latency_ms"), r.latency);
            if (!r.error.isEmpty())
                current.insert(QStringLiteral("error"), r.error);
        }
    }
    close();
    const QJsonObject root{{QStringLiteral("format"), QStringLiteral("ladder-chat/1")},
                           {QStringLiteral("session_id"), sessionId},
                           {QStringLiteral("title"), title},
                           {QStringLiteral("ladder"), chat.ladder().name},
                           {QStringLiteral("turns"), turns}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QStringList markdownCodeBlocks(const QString &markdown)
{
    QStringList blocks;
    QString current;
    bool inside = false;
    const QStringList lines = markdown.split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        if (line.trimmed().startsWith(QLatin1String("```"))) {
            if (inside)
                blocks.append(current);
            current.clear();
            inside = !inside;
            continue;
        }
        if (inside)
            current += (current.isEmpty() ? QString() : QStringLiteral("\n")) + line;
    }
    return blocks;
}

} // namespace ladder
