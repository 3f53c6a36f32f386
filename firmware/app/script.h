/*
 * script: drives the kiosk from a text file with an injected clock, for tests and benchmarks.
 *
 * Time does not pass by itself: `wait` advances a virtual clock through every deadline the ui
 * reports, ticking and drawing exactly as the real loop would, so a script is deterministic and
 * a 90-second idle timeout takes milliseconds. Touches go through the same coordinate mapping
 * (rotation included) and gesture recogniser as a real finger. Commands, one per line
 * (`#` starts a comment; X and Y are window pixels or percentages like `50%`):
 *
 *   wait MS                       let MS milliseconds pass
 *   tap X Y                       a short touch
 *   longpress X Y                 a touch held as long as the staff gesture's hold
 *   drag X1 Y1 X2 Y2 [MS]         a slow drag (default 400 ms) that stops before lifting
 *   swipe X1 Y1 X2 Y2 [MS]        a quick flick (default 120 ms) that lifts while moving
 *   finger ID down|move|up X Y    one raw touch event (multi-touch scripts)
 *   key NAME                      up down left right pageup pagedown enter escape tab
 *                                 backtab home lang
 *   screenshot FILE               save the screen as PNG
 *   go about | go doc ID | go reader ID KIND N
 *                                 open a screen directly (for reference images)
 *   redraw N                      draw N frames of the unchanged screen (benchmarks)
 *   mark                          remember the counters (frames, textures, glyphs, builds)
 *   expect screen NAME            attract timeline doc reader about pin staff
 *   expect lang nl|en
 *   expect doc ID                 the document shown (doc or reader)
 *   expect unit KIND N            the reader shows question/point/text number N
 *   expect warning yes|no         the idle countdown is showing
 *   expect COUNTER OP N           frames|textures|glyphs|builds since mark, or draws: draw
 *                                 calls per frame since mark (the mean), or rss: growth of
 *                                 resident memory since mark in KiB, or fds: growth of open
 *                                 descriptors since mark; OP is = < > <= >=
 *   expect scroll OP N            the current scroll offset in pixels
 *   monkey N SEED                 N random touches, drags, swipes, keys and waits
 *   sync MS                       wait (real time) for the pack store to change and reload
 *   tapaction NAME [NTH]          tap the (NTH, from 0) target doing NAME: home back about lang
 *                                 rollback close speak scrollback scrollon (the visible scroll
 *                                 buttons) year (the timeline's year chips, in order)
 *   pin DIGITS                    type DIGITS on the PIN pad and confirm
 *   expect version N              the pack version shown
 *   expect text WORD              WORD is in a text run of the current page
 *   expect toast TEXT             the staff message on screen contains TEXT (one word)
 *   expect speak yes|no           the read-aloud control is on the screen
 *   expect speaking yes|no        a reading is under way
 *   expect spoken yes|no          the sentence being heard is marked
 *   listen MS                     let MS milliseconds pass in real time (read aloud plays)
 *
 * A failed expectation prints `script:LINE: expected ..., got ...` and the run exits 1.
 */
#ifndef VT_SCRIPT_H
#define VT_SCRIPT_H

#include "app.h"

/* Runs the script at path against an opened app. Returns the process exit code: 0 when every
 * line ran and every expectation held, 1 otherwise (the reason printed to stderr). */
int script_run(VtApp *app, const char *path);

#endif
