import FlipIcon from '@mui/icons-material/Flip';
import ZoomInIcon from '@mui/icons-material/ZoomIn';
import ZoomOutIcon from '@mui/icons-material/ZoomOut';
import { Box, Button, IconButton, Slider, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { useLayoutEffect, useRef, useState, type PointerEvent, type ReactNode } from 'react';
import { useRecordContext, useTranslate } from 'react-admin';
import type { Photo, PhotoImage, PhotoSide } from '../../domain/model';
import { keyOf, type PhotoCommand } from '../../queue/hotkeys';
import { useHotkeys } from '../../queue/useHotkeys';
import { Kbd } from '../../queue/HotkeyHelp';

/**
 * The before and after photos as a moderator compares them: side by side at one scale, one at a
 * time, wiped across each other, or as their difference, which leaves a re-used or retouched
 * shot almost black. Zoom and pan move both images together; flip mirrors the pair, to hold it
 * against a mirrored copy. Keys 1, 2, w, d, f, +, - and 0 (listed in the queue's `?` help).
 */

export type ViewMode = 'side' | 'before' | 'after' | 'wipe' | 'difference';
const modes: { mode: ViewMode; command?: PhotoCommand }[] = [
  { mode: 'side' },
  { mode: 'before', command: 'before' },
  { mode: 'after', command: 'after' },
  { mode: 'wipe', command: 'wipe' },
  { mode: 'difference', command: 'difference' },
];

const stageHeight = 440;
const maxZoom = 8;

interface View {
  zoom: number;
  /** The pan, in screen pixels, shared by every pane. */
  x: number;
  y: number;
}

const unzoomed: View = { zoom: 1, x: 0, y: 0 };

/** The stage's width in pixels, followed as the window changes (an estimate where nothing is laid out). */
function useWidth(ref: React.RefObject<HTMLElement | null>, fallback: number) {
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry.contentRect.width > 0) setWidth(entry.contentRect.width);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

export const PhotoViewer = () => {
  const photo = useRecordContext<Photo>();
  const translate = useTranslate();
  const [mode, setMode] = useState<ViewMode>('side');
  const [flipped, setFlipped] = useState(false);
  const [view, setView] = useState<View>(unzoomed);
  const [wipe, setWipe] = useState(50);
  const stage = useRef<HTMLDivElement>(null);
  const width = useWidth(stage, 960);

  const zoomBy = (factor: number) =>
    setView((current) => {
      const zoom = Math.min(maxZoom, Math.max(1, current.zoom * factor));
      return zoom === 1
        ? unzoomed
        : { zoom, x: (current.x * zoom) / current.zoom, y: (current.y * zoom) / current.zoom };
    });
  const run = (command: PhotoCommand) => {
    if (command === 'flip') setFlipped((value) => !value);
    else if (command === 'zoomIn') zoomBy(1.5);
    else if (command === 'zoomOut') zoomBy(1 / 1.5);
    else if (command === 'zoomReset') setView(unzoomed);
    else setMode((current) => (current === command ? 'side' : command));
  };
  useHotkeys('photo', run);

  if (!photo) return null;
  const panes = mode === 'side' ? 2 : 1;
  const paneWidth = (width - (panes - 1) * 8) / panes;
  // One scale for both images, fitted to the larger: a smaller or differently framed photo shows as such.
  const fit = Math.min(
    paneWidth / Math.max(photo.before.width, photo.after.width),
    stageHeight / Math.max(photo.before.height, photo.after.height),
  );
  const scale = fit * view.zoom;
  const alt = (side: PhotoSide) =>
    translate(`resources.photos.image.${side}_alt`, { procedure: photo.procedure, id: photo.id });
  const image = (side: PhotoSide, sx: object = {}) => (
    <PlacedImage image={photo[side]} alt={alt(side)} scale={scale} view={view} flipped={flipped} sx={sx} />
  );

  return (
    <Box>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1, mb: 1 }}>
        <ToggleButtonGroup
          size="small"
          exclusive
          value={mode}
          onChange={(_, next: ViewMode | null) => setMode(next ?? 'side')}
          aria-label={translate('verity.photos.viewer.mode')}
        >
          {modes.map(({ mode: value, command }) => (
            <ToggleButton
              key={value}
              value={value}
              aria-keyshortcuts={command ? keyOf(command) : undefined}
              sx={{ textTransform: 'none', gap: 0.75, py: 0.25 }}
            >
              {translate(`verity.photos.viewer.modes.${value}`)}
              {command && (
                <Box component="span" aria-hidden sx={{ display: 'inline-flex' }}>
                  <Kbd>{keyOf(command)}</Kbd>
                </Box>
              )}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
        <ToggleButton
          size="small"
          value="flip"
          selected={flipped}
          onChange={() => run('flip')}
          aria-keyshortcuts="f"
          sx={{ textTransform: 'none', gap: 0.75, py: 0.25 }}
        >
          <FlipIcon fontSize="small" />
          {translate('verity.photos.viewer.flip')}
          <Box component="span" aria-hidden sx={{ display: 'inline-flex' }}>
            <Kbd>f</Kbd>
          </Box>
        </ToggleButton>
        <Box sx={{ display: 'flex', alignItems: 'center', ml: 'auto' }}>
          <IconButton
            size="small"
            onClick={() => run('zoomOut')}
            disabled={view.zoom <= 1}
            aria-keyshortcuts="-"
            aria-label={translate('verity.queue.keys.zoom_out')}
            title={translate('verity.queue.keys.zoom_out')}
          >
            <ZoomOutIcon fontSize="small" />
          </IconButton>
          <Button
            size="small"
            color="inherit"
            onClick={() => run('zoomReset')}
            aria-keyshortcuts="0"
            aria-label={translate('verity.photos.viewer.zoom', { percent: Math.round(scale * 100) })}
            sx={{ minWidth: 56, fontVariantNumeric: 'tabular-nums' }}
          >
            {Math.round(scale * 100)}%
          </Button>
          <IconButton
            size="small"
            onClick={() => run('zoomIn')}
            disabled={view.zoom >= maxZoom}
            aria-keyshortcuts="+"
            aria-label={translate('verity.queue.keys.zoom_in')}
            title={translate('verity.queue.keys.zoom_in')}
          >
            <ZoomInIcon fontSize="small" />
          </IconButton>
        </Box>
      </Box>

      <Box
        ref={stage}
        data-mode={mode}
        aria-label={translate(`verity.photos.viewer.stage.${mode}`)}
        role="group"
        sx={{ display: 'flex', gap: 1, height: stageHeight }}
      >
        {mode === 'side' && (
          <>
            <Pane
              label={translate('resources.photos.image.before')}
              view={view}
              onPan={setView}
              onZoom={zoomBy}
            >
              {image('before')}
            </Pane>
            <Pane
              label={translate('resources.photos.image.after')}
              view={view}
              onPan={setView}
              onZoom={zoomBy}
            >
              {image('after')}
            </Pane>
          </>
        )}
        {(mode === 'before' || mode === 'after') && (
          <Pane
            label={translate(`resources.photos.image.${mode}`)}
            view={view}
            onPan={setView}
            onZoom={zoomBy}
          >
            {image(mode)}
          </Pane>
        )}
        {mode === 'wipe' && (
          <Pane
            label={translate('verity.photos.viewer.wipe_label', { percent: wipe })}
            view={view}
            onPan={setView}
            onZoom={zoomBy}
          >
            {image('after')}
            {/* The before photo covers the left part of the frame, up to the slider. */}
            <Box style={{ clipPath: `inset(0 ${100 - wipe}% 0 0)` }} sx={{ position: 'absolute', inset: 0 }}>
              {image('before')}
            </Box>
            <Box
              aria-hidden
              style={{ left: `${wipe}%` }}
              sx={{
                position: 'absolute',
                top: 0,
                bottom: 0,
                width: 2,
                ml: '-1px',
                bgcolor: 'common.white',
                boxShadow: 1,
              }}
            />
          </Pane>
        )}
        {mode === 'difference' && (
          <Pane
            label={translate('verity.photos.viewer.modes.difference')}
            view={view}
            onPan={setView}
            onZoom={zoomBy}
            dark
          >
            {image('before')}
            {image('after', { mixBlendMode: 'difference' })}
          </Pane>
        )}
      </Box>

      {mode === 'wipe' && (
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, px: 1 }}>
          <Typography variant="caption">{translate('resources.photos.image.before')}</Typography>
          <Slider
            size="small"
            value={wipe}
            onChange={(_, value) => setWipe(value as number)}
            aria-label={translate('verity.photos.viewer.wipe_position')}
            valueLabelDisplay="auto"
          />
          <Typography variant="caption">{translate('resources.photos.image.after')}</Typography>
        </Box>
      )}
      <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 0.5 }}>
        {translate(
          mode === 'difference' ? 'verity.photos.viewer.difference_hint' : 'verity.photos.viewer.scale_hint',
        )}
        {flipped && ` ${translate('verity.photos.viewer.flipped')}`}
      </Typography>
    </Box>
  );
};

/** One frame of the stage: drag pans and the wheel zooms, for every frame at once. */
const Pane = ({
  label,
  view,
  onPan,
  onZoom,
  dark = false,
  children,
}: {
  label: string;
  view: View;
  onPan: (view: View) => void;
  onZoom: (factor: number) => void;
  dark?: boolean;
  children: ReactNode;
}) => {
  const dragging = useRef<{ x: number; y: number; from: View } | null>(null);
  const onPointerDown = (event: PointerEvent<HTMLElement>) => {
    if (view.zoom === 1) return;
    event.currentTarget.setPointerCapture?.(event.pointerId);
    dragging.current = { x: event.clientX, y: event.clientY, from: view };
  };
  const onPointerMove = (event: PointerEvent<HTMLElement>) => {
    const drag = dragging.current;
    if (!drag) return;
    onPan({ ...drag.from, x: drag.from.x + event.clientX - drag.x, y: drag.from.y + event.clientY - drag.y });
  };
  return (
    <Box
      component="figure"
      aria-label={label}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={() => (dragging.current = null)}
      onWheel={(event) => onZoom(event.deltaY < 0 ? 1.25 : 1 / 1.25)}
      sx={{
        m: 0,
        position: 'relative',
        flex: '1 1 0',
        minWidth: 0,
        overflow: 'hidden',
        borderRadius: 1,
        bgcolor: dark ? '#000' : 'action.hover',
        isolation: 'isolate',
        cursor: view.zoom > 1 ? 'grab' : 'default',
        touchAction: 'none',
      }}
    >
      {children}
      <Typography
        component="figcaption"
        variant="caption"
        sx={{
          position: 'absolute',
          left: 8,
          top: 6,
          px: 0.75,
          borderRadius: 0.5,
          bgcolor: 'rgba(0,0,0,0.6)',
          color: '#fff',
        }}
      >
        {label}
      </Typography>
    </Box>
  );
};

/** An image centred in its frame at `scale` of its size as taken, moved by the shared pan. */
const PlacedImage = ({
  image,
  alt,
  scale,
  view,
  flipped,
  sx,
}: {
  image: PhotoImage;
  alt: string;
  scale: number;
  view: View;
  flipped: boolean;
  sx: object;
}) => (
  <Box
    component="img"
    src={image.url}
    alt={alt}
    draggable={false}
    // Inline, not a style rule: a pan changes these on every pointer move.
    style={{
      width: image.width * scale,
      height: image.height * scale,
      transform: `translate(-50%, -50%) translate(${view.x}px, ${view.y}px) scaleX(${flipped ? -1 : 1})`,
    }}
    sx={{ position: 'absolute', left: '50%', top: '50%', maxWidth: 'none', userSelect: 'none', ...sx }}
  />
);
