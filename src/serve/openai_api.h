#pragma once

// The OpenAI chat-completions wire shapes `ladder serve` speaks: the request it accepts (unknown
// fields ignored), the error body, the completion and its streamed chunks.

#include "core/ladder.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <variant>

namespace ladder::serve {

struct ApiError {
    int status = 400;
    QString message;
    QString type = QStringLiteral("invalid_request_error");
    QString param; // the request field at fault, empty for none
    QString code;
    // {"error": {"message", "type", "param", "code"}}
    QByteArray body() const;
};

struct CompletionRequest {
    QString model;   // as the client sent it
    QString tierPin; // "LADDER/TIER": the manual pick, empty otherwise
    bool stream = false;
    bool includeUsage = false; // stream_options.include_usage
    QString system;            // the system (and developer) messages, joined
    QString firstUser;         // what identifies a conversation without a header
    QString lastUser;          // the turn to answer
    int userTurns = 0;         // user messages in the request, the last included
    TierParams overrides;      // temperature, max_tokens / max_completion_tokens
};

// `modelId` is the ladder's model name; `tierIds` those a client may pin with "MODEL/TIER".
std::variant<CompletionRequest, ApiError>
parseCompletionRequest(const QByteArray &body, const QString &modelId, const QStringList &tierIds);

// GET /v1/models: the ladder, then one entry per tier.
QByteArray modelsJson(const QString &modelId, const QStringList &tierIds);

// The conversation a request continues: the x-ladder-conversation header when given (at most 200
// printable ASCII characters), else a hash of the system prompt and the first user message.
QString conversationId(const QByteArray &header, const CompletionRequest &request);

struct CompletionUsage {
    qint64 prompt = 0;
    qint64 completion = 0;
    QJsonObject toJson() const;
};

QByteArray completionJson(const QString &id, qint64 created, const QString &model,
                          const QString &answer, const CompletionUsage &usage);
// One `data: {...}\n\n` SSE event of a chat.completion.chunk: a role, a content piece, a
// finish reason, or (usage set) the closing usage chunk.
QByteArray chunkEvent(const QString &id, qint64 created, const QString &model,
                      const QString &content, bool first, const QString &finishReason = {},
                      const CompletionUsage *usage = nullptr);

} // namespace ladder::serve
