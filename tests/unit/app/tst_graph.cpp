// The editor's graph: condition labels, node keys, edge geometry, auto-layout, the viewport.
#include "core/ladder_json.h"
#include "core/pricing.h"
#include "core/resources.h"
#include "document/graph.h"
#include "editor/canvasviewport.h"
#include "editor/edgelayer.h"
#include "editor/edgescene.h"
#include "document/ladderdocument.h"

#include <QtTest>

Q_DECLARE_METATYPE(ladder::Condition)

using namespace ladder;

namespace {

Condition condition(Condition::Type type, int turns = 0)
{
    Condition c;
    c.type = type;
    c.turns = turns;
    return c;
}

Ladder exampleLadder(const QString &name)
{
    return parseLadder(readResource(exampleLadderResourcePath(name))).ladder;
}

} // namespace

class GraphTest : public QObject
{
    Q_OBJECT

private slots:
    void visiblePartKeepsTheCurveNearTheArea_data();
    void visiblePartKeepsTheCurveNearTheArea();
    void conditionLabelReadsNaturally_data();
    void conditionLabelReadsNaturally();
    void nodeKeysMapToLayoutIds_data();
    void nodeKeysMapToLayoutIds();
    void edgeGeometryRunsBorderToBorder_data();
    void edgeGeometryRunsBorderToBorder();
    void graphDrawsEveryResolvableTransition_data();
    void graphDrawsEveryResolvableTransition();
    void autoLayoutOrdersLayersAndAvoidsOverlaps_data();
    void autoLayoutOrdersLayersAndAvoidsOverlaps();
    void edgeHitTestFollowsTheCurve_data();
    void edgeHitTestFollowsTheCurve();
    void labelsKeepClearOfNodesAndEachOther_data();
    void labelsKeepClearOfNodesAndEachOther();
    void crowdedLabelsAreNudgedApart();
    void nearbyRectLeadsThePanInStrips_data();
    void nearbyRectLeadsThePanInStrips();
    void zoomKeepsPointUnderCursor_data();
    void zoomKeepsPointUnderCursor();
    void fitShowsWholeRect();
    void detectorsFeedTheTransitionsListeningToThem_data();
    void detectorsFeedTheTransitionsListeningToThem();
    void detectorLinksRunFromTheDetectorToTheLabel();
};

void GraphTest::conditionLabelReadsNaturally_data()
{
    QTest::addColumn<Condition>("condition");
    QTest::addColumn<QString>("label");

    QTest::newRow("after 2") << condition(Condition::Type::AfterTurns, 2)
                             << QStringLiteral("after 2 turns");
    QTest::newRow("after 1") << condition(Condition::Type::AfterTurns, 1)
                             << QStringLiteral("after 1 turn");
    QTest::newRow("return") << condition(Condition::Type::ReturnAfter, 1)
                            << QStringLiteral("return after 1 turn");
    Condition stakes = condition(Condition::Type::OnSignal);
    stakes.preSignals = {PreSignal::HighStakes};
    QTest::newRow("high stakes") << stakes << QStringLiteral("on high stakes");
    Condition many = condition(Condition::Type::OnSignal);
    many.preSignals = {PreSignal::GoalChange, PreSignal::MissingInfo, PreSignal::HighStakes,
                       PreSignal::DeepDebugging};
    QTest::newRow("many signals shortened")
        << many << QStringLiteral("on goal change, missing info +2");
    Condition label = condition(Condition::Type::OnSignal);
    label.preSignals = {PreSignal::Classification};
    label.labels = {QStringLiteral("code")};
    QTest::newRow("classification") << label << QStringLiteral("on label code");
    Condition tool = condition(Condition::Type::PostTurn);
    tool.postSignals = {PostSignal::EscalateTool};
    QTest::newRow("escalate tool") << tool << QStringLiteral("escalate tool");
    Condition rate = condition(Condition::Type::OnFailure);
    rate.failures = {FailureKind::RateLimited};
    QTest::newRow("rate limit") << rate << QStringLiteral("on rate limit");
}

void GraphTest::conditionLabelReadsNaturally()
{
    QFETCH(Condition, condition);
    QFETCH(QString, label);
    QCOMPARE(conditionLabel(condition), label);
}

void GraphTest::nodeKeysMapToLayoutIds_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("layoutId");

    QTest::newRow("tier") << int(NodeKind::Tier) << "strong"
                          << "tier:strong"
                          << "strong";
    QTest::newRow("detector") << int(NodeKind::Detector) << "stakes"
                              << "detector:stakes"
                              << "stakes";
    QTest::newRow("entry") << int(NodeKind::Entry) << ""
                           << "entry"
                           << "entry";
    QTest::newRow("memory") << int(NodeKind::Memory) << ""
                            << "memory"
                            << "memory";
}

void GraphTest::nodeKeysMapToLayoutIds()
{
    QFETCH(int, kind);
    QFETCH(QString, id);
    QFETCH(QString, key);
    QFETCH(QString, layoutId);
    QCOMPARE(nodeKey(NodeKind(kind), id), key);
    QCOMPARE(layoutIdOfKey(key), layoutId);
}

void GraphTest::edgeGeometryRunsBorderToBorder_data()
{
    QTest::addColumn<QRectF>("from");
    QTest::addColumn<QRectF>("to");

    QTest::newRow("forward") << QRectF(0, 0, 200, 100) << QRectF(400, 150, 200, 100);
    QTest::newRow("backward") << QRectF(400, 0, 200, 100) << QRectF(0, 50, 200, 100);
    QTest::newRow("below") << QRectF(0, 0, 200, 100) << QRectF(50, 300, 200, 100);
    QTest::newRow("self") << QRectF(0, 0, 200, 100) << QRectF(0, 0, 200, 100);
}

void GraphTest::edgeGeometryRunsBorderToBorder()
{
    QFETCH(QRectF, from);
    QFETCH(QRectF, to);
    const EdgeGeometry g = computeEdgeGeometry(from, to, 0, 1);
    auto onBorder = [](const QRectF &r, QPointF p) {
        const bool inside = r.adjusted(-0.5, -0.5, 0.5, 0.5).contains(p);
        const bool edge = qAbs(p.x() - r.left()) < 0.5 || qAbs(p.x() - r.right()) < 0.5 ||
                          qAbs(p.y() - r.top()) < 0.5 || qAbs(p.y() - r.bottom()) < 0.5;
        return inside && edge;
    };
    QVERIFY2(onBorder(from, g.p0), "the edge starts on the source's border");
    QVERIFY2(onBorder(to, g.p3), "the edge ends on the target's border");
    QCOMPARE(g.label, bezierPoint(g, 0.5));
    // The arrow head sits behind the tip, symmetric around the curve's last tangent.
    const QPointF base = (g.arrowLeft + g.arrowRight) / 2;
    QVERIFY(QLineF(base, g.p3).length() > 5);
    QVERIFY(QLineF(g.arrowLeft, g.arrowRight).length() > 5);
}

void GraphTest::graphDrawsEveryResolvableTransition_data()
{
    QTest::addColumn<QString>("name");
    for (const QString &name : exampleLadderNames())
        QTest::newRow(qPrintable(name)) << name;
}

void GraphTest::graphDrawsEveryResolvableTransition()
{
    QFETCH(QString, name);
    const Ladder ladder = exampleLadder(name);
    QVERIFY(!ladder.tiers.isEmpty());
    const LadderGraph graph = LadderGraph::build(ladder, PricingTable::builtin());
    QCOMPARE(graph.nodes.size(), ladder.tiers.size() + ladder.detectors.size() + 2 +
                                     (graph.nodeRow.contains(QStringLiteral("any")) ? 1 : 0));
    int transitionEdges = 0;
    for (const GraphEdge &e : graph.edges) {
        QVERIFY(graph.node(e.from));
        QVERIFY(graph.node(e.to));
        transitionEdges += e.transition >= 0 ? 1 : 0;
    }
    QCOMPARE(transitionEdges, ladder.transitions.size()); // the examples are all valid
}

void GraphTest::autoLayoutOrdersLayersAndAvoidsOverlaps_data()
{
    graphDrawsEveryResolvableTransition_data();
}

void GraphTest::autoLayoutOrdersLayersAndAvoidsOverlaps()
{
    QFETCH(QString, name);
    Ladder ladder = exampleLadder(name);
    const auto positions = computeAutoLayout(ladder, PricingTable::builtin());
    ladder.layout.clear();
    for (auto it = positions.begin(); it != positions.end(); ++it)
        ladder.layout.append({it.key(), it.value()});
    const LadderGraph graph = LadderGraph::build(ladder, PricingTable::builtin());
    for (int i = 0; i < graph.nodes.size(); ++i) {
        for (int j = i + 1; j < graph.nodes.size(); ++j) {
            QVERIFY2(!graph.nodes[i].rect().intersects(graph.nodes[j].rect()),
                     qPrintable(graph.nodes[i].key + " overlaps " + graph.nodes[j].key));
        }
    }
    // A step-down (after_turns) edge out of the entry goes to the right.
    for (const Transition &t : ladder.transitions) {
        if (t.from == ladder.entry && t.condition.type == Condition::Type::AfterTurns &&
            t.to != t.from) {
            QVERIFY(positions.value(t.to).x() > positions.value(t.from).x());
        }
    }
    QVERIFY(positions.value(QStringLiteral("entry")).x() < positions.value(ladder.entry).x());
}

void GraphTest::edgeHitTestFollowsTheCurve_data()
{
    QTest::addColumn<double>("t");
    QTest::addColumn<double>("offset"); // along the curve's normal
    QTest::addColumn<bool>("hit");
    QTest::newRow("on the curve") << 0.5 << 0.0 << true;
    QTest::newRow("near the start") << 0.1 << 3.0 << true;
    QTest::newRow("just beside") << 0.7 << -5.0 << true;
    QTest::newRow("too far") << 0.5 << 12.0 << false;
    QTest::newRow("other side, too far") << 0.3 << -20.0 << false;
}

void GraphTest::edgeHitTestFollowsTheCurve()
{
    QFETCH(double, t);
    QFETCH(double, offset);
    QFETCH(bool, hit);
    const EdgeGeometry g =
        computeEdgeGeometry(QRectF(0, 0, 200, 100), QRectF(400, 250, 200, 100), 0, 1);
    QPointF tangent = bezierTangent(g, t);
    tangent /= std::hypot(tangent.x(), tangent.y());
    const QPointF p = bezierPoint(g, t) + QPointF(-tangent.y(), tangent.x()) * offset;
    QCOMPARE(distanceToPolyline(flattenEdge(g), p) <= 6.0, hit);
}

void GraphTest::labelsKeepClearOfNodesAndEachOther_data()
{
    graphDrawsEveryResolvableTransition_data();
}

void GraphTest::labelsKeepClearOfNodesAndEachOther()
{
    QFETCH(QString, name);
    const Ladder ladder = exampleLadder(name);
    const LadderGraph graph = LadderGraph::build(ladder, PricingTable::builtin());
    LabelPlacer placer;
    for (const GraphNode &n : graph.nodes)
        placer.addObstacle(n.rect());
    QList<QRectF> boxes;
    QStringList names;
    for (const GraphEdge &e : graph.edges) {
        if (e.transition < 0)
            continue;
        // About the size the canvas gives an 11 px label.
        const QString text = conditionLabel(ladder.transitions[e.transition].condition);
        const QRectF box = placer.place(graph.geometry(e), QSizeF(text.size() * 6.5 + 14, 20));
        for (const GraphNode &n : graph.nodes)
            QVERIFY2(!box.intersects(n.rect()), qPrintable(text + " covers " + n.key));
        for (int i = 0; i < boxes.size(); ++i)
            QVERIFY2(!box.intersects(boxes[i]), qPrintable(text + " covers " + names[i]));
        boxes.append(box);
        names.append(text);
    }
}

void GraphTest::crowdedLabelsAreNudgedApart()
{
    // Three parallel lanes between the same nodes: their midpoints are only 22 units apart,
    // closer than a label is tall, so the labels must move.
    const QRectF from(0, 0, 240, 104);
    const QRectF to(600, 0, 240, 104);
    LabelPlacer placer;
    placer.addObstacle(from);
    placer.addObstacle(to);
    QList<QRectF> boxes;
    for (int lane = 0; lane < 3; ++lane) {
        const EdgeGeometry g = computeEdgeGeometry(from, to, lane, 3);
        const QRectF box = placer.place(g, QSizeF(90, 20));
        for (const QRectF &other : std::as_const(boxes))
            QVERIFY(!box.intersects(other));
        // Still next to its own curve.
        QVERIFY(distanceToPolyline(flattenEdge(g), box.center()) < 40);
        boxes.append(box);
    }
    QCOMPARE(boxes.first().center(), bezierPoint(computeEdgeGeometry(from, to, 0, 3), 0.5));
    placer.remove(boxes.first());
    QCOMPARE(placer.place(computeEdgeGeometry(from, to, 0, 3), QSizeF(90, 20)), boxes.first());
}

void GraphTest::zoomKeepsPointUnderCursor_data()
{
    QTest::addColumn<double>("factor");
    QTest::addColumn<QPointF>("cursor");
    QTest::newRow("in") << 1.5 << QPointF(100, 80);
    QTest::newRow("out") << 0.5 << QPointF(700, 20);
    QTest::newRow("clamped") << 100.0 << QPointF(400, 300);
}

void GraphTest::zoomKeepsPointUnderCursor()
{
    QFETCH(double, factor);
    QFETCH(QPointF, cursor);
    CanvasViewport vp;
    vp.setViewWidth(800);
    vp.setViewHeight(600);
    vp.panBy(37, -12);
    const QPointF before = vp.toCanvas(cursor.x(), cursor.y());
    QSignalSpy changed(&vp, &CanvasViewport::changed);
    vp.zoomAt(cursor.x(), cursor.y(), factor);
    QCOMPARE(changed.count(), 1);
    QVERIFY(vp.zoom() <= vp.maxZoom());
    const QPointF after = vp.toCanvas(cursor.x(), cursor.y());
    QVERIFY(qAbs(after.x() - before.x()) < 1e-9 && qAbs(after.y() - before.y()) < 1e-9);
}

void GraphTest::nearbyRectLeadsThePanInStrips_data()
{
    QTest::addColumn<double>("zoom");
    QTest::addColumn<QPointF>("panStep"); // view pixels per frame
    QTest::newRow("right at 100 %") << 1.0 << QPointF(-25, 0);
    QTest::newRow("up-left at 50 %") << 0.5 << QPointF(19, 11);
    QTest::newRow("down at 250 %") << 2.5 << QPointF(0, -31);
}

// Items are made for nearbyRect: it must hold what is visible plus a margin, and a pan must
// move it rarely and by one thin strip, never by half the view at once.
void GraphTest::nearbyRectLeadsThePanInStrips()
{
    QFETCH(double, zoom);
    QFETCH(QPointF, panStep);
    CanvasViewport vp;
    vp.setViewWidth(1440);
    vp.setViewHeight(900);
    vp.setZoomAt(0, 0, zoom);
    const int frames = 200;
    int moves = 0;
    QRectF previous = vp.nearbyRect();
    for (int i = 0; i < frames; ++i) {
        vp.panBy(panStep.x(), panStep.y());
        const QRectF visible = vp.visibleRect();
        const QRectF nearby = vp.nearbyRect();
        const double marginX = visible.width() / 8 - 1e-6;
        const double marginY = visible.height() / 8 - 1e-6;
        QVERIFY2(nearby.contains(visible.adjusted(-marginX, -marginY, marginX, marginY)),
                 qPrintable(QStringLiteral("frame %1").arg(i)));
        if (nearby != previous) {
            ++moves;
            QVERIFY(qAbs(nearby.left() - previous.left()) <= visible.width() / 8 + 1e-6);
            QVERIFY(qAbs(nearby.top() - previous.top()) <= visible.height() / 8 + 1e-6);
            QVERIFY(qAbs(nearby.width() - previous.width()) <= visible.width() / 8 + 1e-6);
            QVERIFY(qAbs(nearby.height() - previous.height()) <= visible.height() / 8 + 1e-6);
        }
        previous = nearby;
    }
    // One move per eighth of the view travelled (per axis), not one per frame.
    const double eighthsX = qAbs(panStep.x()) * frames / (1440.0 / 8);
    const double eighthsY = qAbs(panStep.y()) * frames / (900.0 / 8);
    QVERIFY2(moves <= int(std::ceil(eighthsX + eighthsY)) + 2,
             qPrintable(QStringLiteral("%1 moves").arg(moves)));
    QVERIFY(moves >= 1);
}

void GraphTest::fitShowsWholeRect()
{
    CanvasViewport vp;
    vp.setViewWidth(800);
    vp.setViewHeight(600);
    const QRectF content(-300, 200, 2400, 900);
    vp.fit(content, 20);
    QVERIFY(vp.visibleRect().contains(content));
    QCOMPARE(vp.toView(content.center().x(), content.center().y()), QPointF(400, 300));
}

void GraphTest::detectorsFeedTheTransitionsListeningToThem_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("transition");
    QTest::addColumn<QStringList>("detectors");
    QTest::newRow("every framing trigger")
        << "framing"
        << "escalate_on_trigger"
        << QStringList{"detector:goal_change", "detector:constraint_conflict",
                       "detector:missing_info", "detector:high_stakes", "detector:deep_debugging"};
    QTest::newRow("a post_turn edge has no detector")
        << "framing"
        << "escalate_on_low_confidence" << QStringList{};
    QTest::newRow("an after_turns edge has none") << "framing"
                                                  << "step_down" << QStringList{};
    QTest::newRow("the classifier with the label")
        << "listener-worker-reasoner"
        << "route_code" << QStringList{"detector:task_type"};
}

void GraphTest::detectorsFeedTheTransitionsListeningToThem()
{
    QFETCH(QString, name);
    QFETCH(QString, transition);
    QFETCH(QStringList, detectors);
    Ladder ladder = exampleLadder(name);
    const auto t = std::find_if(ladder.transitions.cbegin(), ladder.transitions.cend(),
                                [&](const Transition &t) { return t.id == transition; });
    QVERIFY(t != ladder.transitions.cend());
    QCOMPARE(listeningDetectors(ladder, *t), detectors);
    // The graph's edge carries them for the canvas.
    const LadderGraph graph = LadderGraph::build(ladder, PricingTable::builtin());
    const int index = int(t - ladder.transitions.cbegin());
    for (const GraphEdge &e : graph.edges) {
        if (e.transition == index)
            QCOMPARE(e.listeners, detectors);
    }
    // A classifier feeds a transition only through one of its labels.
    if (!detectors.isEmpty() && detectors.first() == QLatin1String("detector:task_type")) {
        Transition other = *t;
        other.condition.labels = {QStringLiteral("poetry")};
        QVERIFY(listeningDetectors(ladder, other).isEmpty());
    }
}

// The scene draws a link from each framing detector to the trigger transition's label; hit
// testing finds it and names the transition; moving a detector moves its link only.
void GraphTest::detectorLinksRunFromTheDetectorToTheLabel()
{
    LadderDocument doc;
    QVERIFY(doc.newFromTemplate(QStringLiteral("framing")));
    EdgeScene scene;
    scene.setNodes(doc.nodes());
    scene.setEdges(doc.edges());
    QCOMPARE(scene.sceneLinks().size(), 5);
    const int row = doc.edges()->rowOf(QStringLiteral("t:1"));
    QVERIFY(row >= 0);
    const QRectF label = scene.sceneEdges()[row].labelBox;
    QVERIFY(!label.isEmpty());
    for (const SceneLink &l : scene.sceneLinks()) {
        QCOMPARE(l.edgeRow, row);
        QCOMPARE(l.geometry.p3, label.center());
        const QRectF detector = doc.elementRect(l.detector);
        QVERIFY2(detector.adjusted(-0.5, -0.5, 0.5, 0.5).contains(l.geometry.p0),
                 qPrintable(l.key));
        const QPointF mid = scene.pointOnLink(l.key, 0.5);
        QCOMPARE(scene.linkAt(mid.x() + 2, mid.y(), 6), l.key);
        QCOMPARE(scene.transitionOfLink(l.key), QStringLiteral("t:1"));
    }
    QVERIFY(scene.linkAt(-5000, -5000, 6).isEmpty());

    const QString key = QStringLiteral("detector:high_stakes>t:1");
    const QPointF before = scene.pointOnLink(key, 0);
    const QPointF other = scene.pointOnLink(QStringLiteral("detector:goal_change>t:1"), 0);
    QSignalSpy curves(&scene, &EdgeScene::curvesChanged);
    doc.beginMove(QStringLiteral("detector:high_stakes"));
    doc.dragMove(80, 40);
    doc.endMove();
    QVERIFY(!curves.isEmpty());
    const QPointF after = scene.pointOnLink(key, 0);
    QVERIFY(after != before);
    QVERIFY(doc.elementRect(QStringLiteral("detector:high_stakes"))
                .adjusted(-0.5, -0.5, 0.5, 0.5)
                .contains(after));
    QCOMPARE(scene.pointOnLink(QStringLiteral("detector:goal_change>t:1"), 0), other);

    QSignalSpy hovered(&scene, &EdgeScene::hoveredLinkChanged);
    scene.setHoveredLink(key);
    QCOMPARE(hovered.size(), 1);
    QCOMPARE(scene.hoveredLink(), key);
}

QTEST_MAIN(GraphTest)
void GraphTest::visiblePartKeepsTheCurveNearTheArea_data()
{
    QTest::addColumn<QRectF>("area");
    QTest::addColumn<int>("expect"); // 0: nothing, 1: the whole curve, 2: a part
    QTest::newRow("far away") << QRectF(5000, 5000, 100, 100) << 0;
    QTest::newRow("around all of it") << QRectF(-10, -500, 4020, 1000) << 1;
    QTest::newRow("a window in the middle") << QRectF(1500, -200, 400, 400) << 2;
    QTest::newRow("a window at the start") << QRectF(-50, -50, 300, 300) << 2;
}

void GraphTest::visiblePartKeepsTheCurveNearTheArea()
{
    QFETCH(QRectF, area);
    QFETCH(int, expect);
    // A long transition, as between far-apart tiers at 100 %.
    const EdgeGeometry g{
        QPointF(0, 0), QPointF(1600, 0), QPointF(2400, 300), QPointF(4000, 300), {}, {}, {}};
    QPainterPath whole;
    whole.moveTo(g.p0);
    whole.cubicTo(g.c1, g.c2, g.p3);
    const QPainterPath part = visiblePart(g, area);
    if (expect == 0) {
        QVERIFY(part.isEmpty());
        return;
    }
    if (expect == 1) {
        QCOMPARE(part, whole);
        return;
    }
    QVERIFY(!part.isEmpty());
    QVERIFY(part.length() < whole.length() / 2);
    // Every point of the curve inside the area is drawn: it lies on the visible part.
    QList<QPointF> drawn;
    for (int i = 0; i <= 2000; ++i)
        drawn.append(part.pointAtPercent(i / 2000.0));
    for (int i = 0; i <= 400; ++i) {
        const QPointF p = whole.pointAtPercent(i / 400.0);
        if (!area.contains(p))
            continue;
        const bool onPart = std::any_of(drawn.cbegin(), drawn.cend(), [&p](const QPointF &q) {
            return QLineF(p, q).length() < 1.5;
        });
        QVERIFY2(onPart, qPrintable(QStringLiteral("(%1, %2) missing").arg(p.x()).arg(p.y())));
    }
}

#include "tst_graph.moc"
