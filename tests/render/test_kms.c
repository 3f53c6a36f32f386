/* kms (firmware/platform/kms.c): the kiosk waits for the display's DRM device instead of failing
 * when it starts before the GPU driver has loaded, and gives up with a reason when none comes. */
#include "kms.h"
#include "vt_test.h"

#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static char dir[] = "/tmp/vt-kms-XXXXXX";
static char card[64];

static void no_card_gives_up_after_the_timeout(void) { CHECK_INT(kms_wait_card(dir, 200), -1); }

/* The node first exists but cannot be opened for drawing (a directory stands in for a node
 * udev has not yet given its group), then becomes a file the kiosk can open. */
static void *make_card_later(void *arg)
{
    (void)arg;
    const struct timespec t = {0, 150 * 1000000L};
    mkdir(card, 0700);
    nanosleep(&t, NULL);
    rmdir(card);
    close(open(card, O_CREAT | O_WRONLY, 0600));
    return NULL;
}

static void a_card_that_cannot_be_opened_is_not_enough(void)
{
    mkdir(card, 0700);
    CHECK_INT(kms_wait_card(dir, 200), -1);
    rmdir(card);
}

static void a_card_that_appears_while_waiting_is_found(void)
{
    pthread_t th;
    pthread_create(&th, NULL, make_card_later, NULL);
    CHECK_INT(kms_wait_card(dir, 5000), 0);
    pthread_join(th, NULL);
}

static void input_socket_can_be_made_here(void) { CHECK_INT(kms_check_input(), 0); }

int main(void)
{
    if (!mkdtemp(dir))
        return 1;
    snprintf(card, sizeof card, "%s/card0", dir);
    RUN(no_card_gives_up_after_the_timeout);
    RUN(a_card_that_cannot_be_opened_is_not_enough);
    RUN(a_card_that_appears_while_waiting_is_found);
    RUN(input_socket_can_be_made_here);
    unlink(card);
    rmdir(dir);
    return vt_test_finish();
}
