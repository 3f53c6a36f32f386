/*
 * floor: the least a program can do to show the kiosk's first screen: SDL2 opens the same
 * window, SDL2_ttf renders the same amount of text (the words of the kiosk's first screen,
 * given as a file), one texture per line, one present. The benchmark compares the kiosk's time
 * to first frame and peak memory with this floor.
 *   floor WIDTH HEIGHT FONT TEXTFILE [software]
 * Prints JSON: time_to_first_frame_ms (from process start), peak_rss_kib.
 */
#include <SDL.h>
#include <SDL_ttf.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

static double process_age_ms(void)
{
    struct timespec now;
    clock_gettime(CLOCK_BOOTTIME, &now);
    FILE *f = fopen("/proc/self/stat", "r");
    unsigned long long start = 0;
    char buf[1024];
    if (f && fgets(buf, sizeof buf, f)) {
        char *p = strrchr(buf, ')');
        for (int field = 2; p && field < 22; field++)
            p = strchr(p + 1, ' ');
        if (p)
            sscanf(p + 1, "%llu", &start);
    }
    if (f)
        fclose(f);
    return (double)now.tv_sec * 1000.0 + now.tv_nsec / 1e6 -
           (double)start * 1000.0 / (double)sysconf(_SC_CLK_TCK);
}

int main(int argc, char **argv)
{
    if (argc < 5)
        return 2;
    int w = atoi(argv[1]), h = atoi(argv[2]);
    SDL_Init(SDL_INIT_VIDEO);
    TTF_Init();
    SDL_Window *win = SDL_CreateWindow("floor", 0, 0, w, h, SDL_WINDOW_SHOWN);
    SDL_Renderer *r = SDL_CreateRenderer(win, -1, argc > 5 ? SDL_RENDERER_SOFTWARE : 0);
    TTF_Font *font = TTF_OpenFont(argv[3], h * 5 / 100);
    FILE *f = fopen(argv[4], "r");
    if (!win || !r || !font || !f)
        return 1;
    SDL_SetRenderDrawColor(r, 250, 247, 242, 255);
    SDL_RenderClear(r);
    char line[4096];
    int y = 0;
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\n")] = 0;
        if (!line[0])
            continue;
        SDL_Surface *s = TTF_RenderUTF8_Blended_Wrapped(font, line, (SDL_Color){26, 26, 26, 255},
                                                        (Uint32)(w - 80));
        if (!s)
            continue;
        SDL_Texture *t = SDL_CreateTextureFromSurface(r, s);
        SDL_Rect dst = {40, y, s->w, s->h};
        SDL_RenderCopy(r, t, NULL, &dst);
        y += s->h;
        SDL_FreeSurface(s);
    }
    fclose(f);
    SDL_RenderPresent(r);
    double ttff = process_age_ms();
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("{\"time_to_first_frame_ms\": %.1f, \"peak_rss_kib\": %ld}\n", ttff, ru.ru_maxrss);
    TTF_CloseFont(font);
    SDL_DestroyRenderer(r);
    SDL_DestroyWindow(win);
    TTF_Quit();
    SDL_Quit();
    return 0;
}
