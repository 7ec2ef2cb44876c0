#pragma once

// A chat written out: Markdown for people, `ladder-chat/1` JSON for tools; and the fenced code
// blocks of a Markdown answer (their "Copy" buttons).

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace ladder {

class ChatMessageModel;

QString chatToMarkdown(const ChatMessageModel &chat, const QString &title,
                       const QString &sessionId);
QByteArray chatToJson(const ChatMessageModel &chat, const QString &title, const QString &sessionId);
QStringList markdownCodeBlocks(const QString &markdown);

} // namespace ladder
