// The learned detector's model in the ladder document: features, scoring, the compact weights
// encoding, round trips, and errors that name the JSON path.

#include "core/ladder_json.h"
#include "core/learned_model.h"
#include "core/validation.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace ladder;

namespace {

QByteArray ladderWith(const QJsonObject &detector)
{
    QJsonObject root{
        {"format", "ladder/1"},
        {"entry", "light"},
        {"tiers",
         QJsonArray{QJsonObject{{"id", "light"}, {"provider", "openai"}, {"model", "gpt-4o-mini"}},
                    QJsonObject{{"id", "strong"}, {"provider", "openai"}, {"model", "gpt-4o"}}}},
        {"transitions",
         QJsonArray{QJsonObject{{"id", "up"},
                                {"from", "light"},
                                {"to", "strong"},
                                {"when", QJsonObject{{"type", "on_signal"},
                                                     {"signals", QJsonArray{"needs_strong"}}}}}}},
        {"detectors", QJsonArray{detector}}};
    return QJsonDocument(root).toJson();
}

// A model whose only weight sits on the word "integral": strongly positive.
LearnedModel integralModel()
{
    LearnedModel m;
    m.features.wordMin = 1;
    m.features.wordMax = 1;
    m.features.charMin = 0;
    m.features.charMax = 0;
    m.bias = -2;
    const std::vector<quint32> probe = learnedFeatureBuckets(m.features, "integral");
    std::vector<quint32> lengthOnly = learnedFeatureBuckets(m.features, "");
    std::vector<float> dense(size_t(1) << m.features.hashBits, 0.0f);
    for (quint32 b : probe)
        if (std::find(lengthOnly.begin(), lengthOnly.end(), b) == lengthOnly.end())
            dense[b] = 20.0f;
    m.setWeights(dense);
    return m;
}

} // namespace

class TestLearnedModel : public QObject
{
    Q_OBJECT

private slots:
    void featuresAreStableAndDistinct()
    {
        const LearnedFeatures f;
        const auto a = learnedFeatureBuckets(f, "Prove that the integral converges.");
        QCOMPARE(learnedFeatureBuckets(f, "PROVE that the integral converges!"), a);
        QVERIFY(learnedFeatureBuckets(f, "Write a poem about the sea.") != a);
        QVERIFY(std::is_sorted(a.begin(), a.end()));
        for (quint32 b : a)
            QVERIFY(b < (1u << f.hashBits));
        // Context words only count when the model asks for them.
        QCOMPARE(learnedFeatureBuckets(f, "Now shorter.", {"Explain integrals."}),
                 learnedFeatureBuckets(f, "Now shorter."));
        LearnedFeatures withContext = f;
        withContext.context = true;
        QVERIFY(learnedFeatureBuckets(withContext, "Now shorter.", {"Explain integrals."}) !=
                learnedFeatureBuckets(withContext, "Now shorter."));
    }

    void probabilityFollowsTheWeights()
    {
        const LearnedModel m = integralModel();
        QVERIFY(m.probability("Compute the integral of x squared") > 0.9);
        QVERIFY(m.probability("Write a haiku about autumn leaves") < 0.2);
        LearnedModel empty;
        QCOMPARE(empty.probability("anything"), 0.5);
    }

    void quantisationKeepsTheSigns()
    {
        LearnedModel m;
        std::vector<float> dense(1u << m.features.hashBits, 0.0f);
        dense[3] = 1.0f;
        dense[70000] = -0.5f;
        dense[70001] = 0.001f; // below half a step: dropped
        m.setWeights(dense);
        QCOMPARE(m.weights.size(), 2);
        QVERIFY(qAbs(m.weight(3) - 1.0) < 0.01);
        QVERIFY(qAbs(m.weight(70000) + 0.5) < 0.01);
        QCOMPARE(m.weight(70001), 0.0);
    }

    // Pruning leaves out the weights below a share of the largest, keeps the others as they
    // were quantised (same scale), and never the largest.
    void pruningLeavesOutTheSmallWeights_data()
    {
        QTest::addColumn<double>("prune");
        QTest::addColumn<QList<quint32>>("kept");
        QTest::newRow("none") << 0.0 << QList<quint32>{1, 2, 3, 4};
        QTest::newRow("below 10 %") << 0.1 << QList<quint32>{1, 2, 3};
        QTest::newRow("below 30 %") << 0.3 << QList<quint32>{1, 2};
        QTest::newRow("below 90 %") << 0.9 << QList<quint32>{1};
    }
    void pruningLeavesOutTheSmallWeights()
    {
        QFETCH(double, prune);
        QFETCH(QList<quint32>, kept);
        std::vector<float> dense(64, 0.0f);
        dense[1] = -2.0f; // the largest
        dense[2] = 0.8f;  // 40 %
        dense[3] = -0.4f; // 20 %
        dense[4] = 0.1f;  // 5 %
        LearnedModel all;
        all.setWeights(dense);
        LearnedModel pruned;
        pruned.setWeights(dense, prune);
        QList<quint32> buckets;
        for (const auto &w : pruned.weights)
            buckets << w.first;
        QCOMPARE(buckets, kept);
        QCOMPARE(pruned.scale, all.scale);
        for (quint32 b : kept)
            QCOMPARE(pruned.weight(b), all.weight(b));
    }

    void roundTripsThroughTheDocument()
    {
        LearnedModel m = integralModel();
        m.trained = QJsonObject{{"dataset", "mt_bench"}, {"turns", 160}};
        QList<LearnedModelIssue> issues;
        const auto back = learnedModelFromJson(learnedModelToJson(m), "/m", &issues);
        QVERIFY(issues.isEmpty());
        QVERIFY(back);
        QCOMPARE(*back, m);

        QJsonObject detector{{"id", "listener"},
                             {"kind", "learned"},
                             {"threshold", 0.3},
                             {"model", learnedModelToJson(m)}};
        const ParseResult parsed = parseLadder(ladderWith(detector), "l.json");
        QVERIFY2(parsed.ok(),
                 qPrintable(parsed.diagnostics.isEmpty() ? QString()
                                                         : parsed.diagnostics.first().toString()));
        const Detector &d = parsed.ladder.detectors.first();
        QVERIFY(d.kind == Detector::Kind::Learned);
        QVERIFY(d.signal == PreSignal::NeedsStrong);
        QCOMPARE(d.threshold, 0.3);
        QVERIFY(d.model);
        QCOMPARE(*d.model, m);
        const ParseResult again = parseLadder(toCanonicalJson(parsed.ladder), "again.json");
        QVERIFY(again.ok());
        QCOMPARE(again.ladder, parsed.ladder);
        const Diagnostics checked = validate(parsed.ladder);
        QVERIFY2(!hasErrors(checked),
                 qPrintable(checked.isEmpty() ? QString() : checked.first().toString()));
    }

    void badModelsNameTheirPath_data()
    {
        QTest::addColumn<QJsonObject>("detector");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("message");
        const QJsonObject good = learnedModelToJson(integralModel());
        auto with = [&](const char *key, const QJsonValue &v) {
            QJsonObject m = good;
            m.insert(QLatin1String(key), v);
            return QJsonObject{{"id", "listener"}, {"kind", "learned"}, {"model", m}};
        };
        QTest::newRow("version") << with("version", 2) << "/detectors/0/model/version"
                                 << "unsupported model version 2";
        QTest::newRow("base64") << with("weights", "***") << "/detectors/0/model/weights"
                                << "not valid base64";
        // One entry with gap 2^20 (outside 2^18 buckets): varint 0x80 0x80 0x40, then q.
        QTest::newRow("bucket") << with("weights", QString::fromLatin1(
                                                       QByteArray("\x80\x80\x40\x05").toBase64()))
                                << "/detectors/0/model/weights"
                                << "outside the 262144 buckets";
        QTest::newRow("truncated")
            << with("weights", QString::fromLatin1(QByteArray("\x05").toBase64()))
            << "/detectors/0/model/weights"
            << "truncated";
        QTest::newRow("repeated")
            << with("weights", QString::fromLatin1(QByteArray("\x05\x01\x00\x01", 4).toBase64()))
            << "/detectors/0/model/weights"
            << "appears twice";
        QTest::newRow("hash_bits") << with("features", QJsonObject{{"hash_bits", 30}})
                                   << "/detectors/0/model/features/hash_bits"
                                   << "from 8 to 24";
        QTest::newRow("ngrams") << with("features", QJsonObject{{"char_ngrams", QJsonArray{5, 3}}})
                                << "/detectors/0/model/features/char_ngrams"
                                << "[MIN, MAX]";
        QTest::newRow("scale") << with("scale", -1) << "/detectors/0/model/scale"
                               << "0 or more";
        QJsonObject noBias = good;
        noBias.remove("bias");
        QTest::newRow("bias") << QJsonObject{{"id", "listener"},
                                             {"kind", "learned"},
                                             {"model", noBias}}
                              << "/detectors/0/model"
                              << "missing \"bias\"";
        QTest::newRow("signal") << QJsonObject{{"id", "listener"},
                                               {"kind", "learned"},
                                               {"signal", "needs_more"}}
                                << "/detectors/0/signal"
                                << "unknown pre-turn signal";
    }

    void badModelsNameTheirPath()
    {
        QFETCH(QJsonObject, detector);
        QFETCH(QString, path);
        QFETCH(QString, message);
        const ParseResult parsed = parseLadder(ladderWith(detector), "l.json");
        QVERIFY(!parsed.ok());
        bool found = false;
        for (const Diagnostic &d : parsed.diagnostics)
            found = found || (d.severity == Diagnostic::Severity::Error && d.path == path &&
                              d.message.contains(message));
        QVERIFY2(found, qPrintable(parsed.diagnostics.first().toString()));
    }

    void untrainedIsAWarningAndThresholdIsChecked()
    {
        const ParseResult parsed = parseLadder(
            ladderWith({{"id", "listener"}, {"kind", "learned"}, {"threshold", 1.5}}), "l.json");
        QVERIFY(parsed.ok());
        const Diagnostics diagnostics = validate(parsed.ladder);
        bool untrained = false;
        bool threshold = false;
        for (const Diagnostic &d : diagnostics) {
            untrained = untrained || (d.severity == Diagnostic::Severity::Warning &&
                                      d.path == "/detectors/0" && d.message.contains("untrained"));
            threshold = threshold || (d.severity == Diagnostic::Severity::Error &&
                                      d.path == "/detectors/0/threshold");
        }
        QVERIFY(untrained);
        QVERIFY(threshold);
    }
};

QTEST_GUILESS_MAIN(TestLearnedModel)
#include "tst_learned_model.moc"
