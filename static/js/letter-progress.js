// The letter's send screen: the figures (sent, waiting, failed, state) follow the send without a reload.
// Without scripts the page shows the figures of its loading, and reloading it updates them.
const progress = document.querySelector("[data-progress-url]");
if (progress) {
    const refresh = async () => {
        const response = await fetch(progress.dataset.progressUrl, { credentials: "same-origin" });
        if (!response.ok) {
            return;
        }
        const figures = await response.json();
        for (const [name, value] of Object.entries(figures)) {
            const slot = progress.querySelector(`[data-figure="${name}"]`);
            if (slot) {
                slot.textContent = value;
            }
        }
        const bar = progress.querySelector("progress");
        if (bar) {
            bar.max = figures.total || 1;
            bar.value = figures.sent + figures.failed;
        }
        if (figures.waiting > 0 || figures.total === 0) {
            window.setTimeout(refresh, 2000);
        }
    };
    window.setTimeout(refresh, 2000);
}
