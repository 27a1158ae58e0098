/**
 * The sigma.js view of the graph: colour by kind, relation types as edge labels (on the open entity, the hovered
 * node and the highlighted path), click opens a node, double-click expands it.
 */
import { useEffect, useRef, useState } from 'react';
import Sigma from 'sigma';
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import { type Lang, displayName, relationName, t } from '../i18n.js';
import { exposeForTests } from '../test-hook.js';
import type { EdgeAttributes, ExplorerGraph, NodeAttributes } from './model.js';
import type { Highlight, Visibility } from './visibility.js';

type View = Sigma<NodeAttributes, EdgeAttributes>;

/**
 * The whole graph, zoomed out a little and moved left, so that the labels, which sigma draws to the right of
 * their nodes, fit too.
 */
const overview = { x: 0.54, y: 0.5, ratio: 1.2, angle: 0 };

/** Fonts with Chinese glyphs first, so that canvas labels never fall back to boxes. */
export const labelFont = '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", "Source Han Sans SC", sans-serif';

type Props = {
  graph: ExplorerGraph;
  version: number;
  rebuilt: boolean;
  lang: Lang;
  selected: string | null;
  visibility: Visibility;
  highlight: Highlight | null;
  onOpen: (id: string) => void;
  onExpand: (id: string) => void;
};

/** Long Chinese titles (some are 40 characters) are cut on the canvas; the panel has them in full. */
function shortLabel(text: string, lang: Lang) {
  const max = lang === 'zh' ? 12 : 26;
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

const dimmedNode = '#e2e2e2';
const dimmedEdge = '#ececec';
const pathColor = '#d62728';

/** Sigma's settings; the reducers, which depend on the state, are set separately. */
const settings = {
  defaultEdgeType: 'arrow',
  renderEdgeLabels: true,
  labelFont,
  edgeLabelFont: labelFont,
  labelSize: 13,
  labelWeight: '500',
  edgeLabelSize: 11,
  edgeLabelColor: { color: '#555' },
  labelRenderedSizeThreshold: 0,
  labelDensity: 0.9,
  zIndex: true,
  stagePadding: 48,
  minCameraRatio: 0.08,
  maxCameraRatio: 3,
  allowInvalidContainer: true,
} as const;

export function GraphView({ graph, version, rebuilt, lang, selected, visibility, highlight, onOpen, onExpand }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const [sigma, setSigma] = useState<View | null>(null);
  const [hovered, setHovered] = useState<string | null>(null);
  const handlers = useRef({ onOpen, onExpand });
  handlers.current = { onOpen, onExpand };

  useEffect(() => {
    const view: View = new Sigma(graph, container.current!, settings);
    view.on('clickNode', ({ node }) => handlers.current.onOpen(node));
    view.on('doubleClickNode', (event) => {
      event.preventSigmaDefault(); // no zoom: a double-click on a node expands it
      handlers.current.onExpand(event.node);
    });
    view.on('enterNode', ({ node }) => setHovered(node));
    view.on('leaveNode', () => setHovered(null));
    setSigma(view);
    exposeForTests({ sigma: view as unknown as Sigma });
    return () => {
      view.kill();
      setSigma(null);
    };
  }, [graph]);

  // A rebuilt graph is shown whole; a grown one keeps the reader's zoom and pan.
  useEffect(() => {
    if (rebuilt) sigma?.getCamera().setState(overview);
  }, [sigma, version, rebuilt]);

  useEffect(() => {
    const focus = hovered ?? selected;
    const focusDegree = focus && graph.hasNode(focus) ? graph.degree(focus) : 0;
    if (!sigma) return;
    sigma.setSettings({
      nodeReducer: (node, data) => {
        const shown: Partial<NodeDisplayData> = { ...data, label: shortLabel(displayName(lang, data), lang) };
        if (!visibility.nodes.has(node)) return { ...shown, hidden: true };
        if (node === selected) Object.assign(shown, { highlighted: true, forceLabel: true, zIndex: 2 });
        if (highlight) {
          if (highlight.nodes.has(node)) Object.assign(shown, { forceLabel: true, zIndex: 1 });
          else Object.assign(shown, { color: dimmedNode, label: '', zIndex: 0 });
        }
        if (node === hovered) Object.assign(shown, { label: displayName(lang, data), zIndex: 3 });
        return shown;
      },
      edgeReducer: (edge, data) => {
        const shown: Partial<EdgeDisplayData> = { ...data, label: '' };
        if (!visibility.edges.has(edge)) return { ...shown, hidden: true };
        const label = relationName(lang, data.relation);
        if (highlight) {
          if (highlight.edges.has(edge)) return { ...shown, label, color: pathColor, size: 4, forceLabel: true, zIndex: 1 };
          return { ...shown, color: dimmedEdge };
        }
        // Labels on the edges of the hovered or open node, unless it has too many to read.
        const touches = focus !== null && graph.hasExtremity(edge, focus);
        if (touches && (focus === hovered || focusDegree <= 24)) return { ...shown, label, forceLabel: true, color: '#8a8a8a', size: 2 };
        return shown;
      },
    });
  }, [sigma, graph, version, lang, selected, hovered, visibility, highlight]);

  return (
    <>
      <div className="graph-canvas" ref={container} />
      {sigma && <ZoomButtons sigma={sigma} lang={lang} />}
    </>
  );
}

/** Zoom buttons over the canvas, reachable by keyboard. */
function ZoomButtons({ sigma, lang }: { sigma: View; lang: Lang }) {
  const camera = sigma.getCamera();
  const buttons = [
    ['zoomIn', '+', () => camera.animatedZoom({ duration: 200 })],
    ['zoomOut', '−', () => camera.animatedUnzoom({ duration: 200 })],
    ['fit', '⤢', () => camera.animate(overview, { duration: 200 })],
  ] as const;
  return (
    <div className="zoom-buttons">
      {buttons.map(([key, text, onClick]) => (
        <button key={key} type="button" onClick={onClick} aria-label={t(lang, key)} title={t(lang, key)}>
          {text}
        </button>
      ))}
    </div>
  );
}
