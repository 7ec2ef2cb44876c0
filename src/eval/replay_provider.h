#pragma once

// The `replay` provider: answers a turn with the answer a recorded answerer gave, instead of
// calling a model. A tier names the answerer as its model
// (`{"provider": "replay", "model": "gpt-4-1106-preview"}`).
//
// It lives in eval, not providers: it reads eval's Dataset (the imported recordings), and
// providers sits below eval. It talks no HTTP, so nothing of the providers layer is needed.
//
// What a replayed answer says about itself (ChatResult::raw): "replayed": true, the case and
// answerer, "tokens": "estimated" (none of the recordings count tokens: about 4 characters a
// token, usage.estimated set), "latency": "modelled" (the simulated provider's profile of the
// model's price class), and "approximation": true when an earlier turn of this conversation was
// answered by another model (the recorded answer followed the answerer's own history).
//
// Prompt caching: the cost model bills the part of the prompt that repeats the previous call to
// the same model (its messages and answer) as cached input (usage.cachedTokens, priced at the
// table's cached_input), and reports in raw "switch_forfeited_tokens" the prefix a model switch
// kept from being cached.

#include "dataset.h"
#include "engine/provider.h"

#include <QHash>
#include <QList>

#include <memory>

namespace ladder::eval {

class ReplayProvider : public Provider
{
    Q_OBJECT
public:
    explicit ReplayProvider(std::shared_ptr<const Dataset> set, QObject *parent = nullptr);

    QString id() const override { return QStringLiteral("replay"); }
    ProviderCall *start(const ChatRequest &request) override;

    // Answers only from this case (the batch runner binds one provider per conversation);
    // -1 finds the case from the request's first user message.
    void bindCase(int caseIndex);
    void resetConversation(); // forget the prompt-cache state

    // The answer to a request, computed at once (also used by start()).
    ChatResult answer(const ChatRequest &request);

    // What each call of the conversation replayed, in call order.
    struct CallNote {
        int turn = 0;
        QString model;
        qint64 switchForfeitedTokens = 0;
        bool approximation = false;
        bool sideCall = false;
    };
    const QList<CallNote> &notes() const { return m_notes; }

    // A call that finishes on the next event-loop turn with `result` (replay, tests).
    class ImmediateCall : public ProviderCall
    {
    public:
        ImmediateCall(ChatResult result, QObject *parent);
        void cancel() override;

    private:
        bool m_done = false;
    };

    static qint64 estimateTokens(const QString &text); // about 4 characters a token
    static qint64 estimateTokens(const QList<ChatMessage> &messages);

private:
    int findCase(const ChatRequest &request) const;

    std::shared_ptr<const Dataset> m_set;
    int m_case = -1;
    mutable QHash<QString, int> m_firstTurnIndex;
    // Prompt-cache state of the conversation.
    QHash<QString, QList<ChatMessage>> m_lastByModel; // model -> its last request + answer
    QList<ChatMessage> m_last;                        // the last call's request + answer
    QHash<int, QString> m_answeredBy;                 // turn -> model of its answer
    QList<CallNote> m_notes;
};

} // namespace ladder::eval
