/*
 * ui_query: the read-only side of ui.h, what the app's status line and stats, the script
 * harness and the tests ask the controller. Answers come from the state as it is (the page as
 * last laid out by ui_frame); nothing here lays out, ticks or marks anything dirty, so asking
 * never changes what a visitor sees.
 */
#include "ui_private.h"

#include <string.h>

int ui_needs_draw(const VtUi *ui) { return ui->dirty; }

VtLang ui_lang(const VtUi *ui) { return ui->lang; }

int ui_scroll_offset(const VtUi *ui) { return scroll_offset(&ui->scroll); }

unsigned long ui_builds(const VtUi *ui) { return ui->builds; }

int ui_idle_warning(const VtUi *ui) { return ui->warn_secs; }

int ui_text_pct(const VtUi *ui) { return ui->theme.scale_pct; }

const char *ui_toast_text(const VtUi *ui) { return ui_toast_shown(ui) ? ui->toast : ""; }

int ui_find_text(const VtUi *ui, const char *word)
{
    for (int i = 0; i < ui->page.nboxes; i++)
        if (ui->page.boxes[i].text && strstr(ui->page.boxes[i].text, word))
            return 1;
    return 0;
}

int ui_hit_center(const VtUi *ui, VtAction a, int nth, float *x, float *y)
{
    for (int i = 0, n = ui_focus_count(ui); i < n; i++) {
        int layer;
        const VtHit *h = ui_focus_hit(ui, i, &layer);
        if (h->action != a || nth-- > 0)
            continue;
        VtPlace p = ui_place(ui, layer);
        VtRect r = place_rect(p, h->r);
        int cx = r.x + r.w / 2, cy = r.y + r.h / 2;
        if (!rect_contains(p.clip, cx, cy))
            return -1; /* scrolled out of view: a finger cannot reach it */
        *x = (float)cx;
        *y = (float)cy;
        return 0;
    }
    return -1;
}
