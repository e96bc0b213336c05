// takao serve only (pages built with preview on): reloads the page when a rebuild changed it, and shows
// build errors over the page, with file and line, until the content builds again.
const OVERLAY_ID = "takao-preview-overlay";

// The output file this page came from: "/journal/017/" -> "journal/017/index.html".
function ownOutputPath() {
  let path;
  try {
    path = decodeURIComponent(location.pathname);
  } catch {
    path = location.pathname;
  }
  path = path.replace(/^\/+/, "");
  if (path === "" || path.endsWith("/")) path += "index.html";
  return path;
}

function hideOverlay() {
  document.getElementById(OVERLAY_ID)?.remove();
}

// Text only (textContent): messages quote content, which must never become markup.
function showOverlay(diagnostics) {
  hideOverlay();
  const box = document.createElement("div");
  box.id = OVERLAY_ID;
  box.setAttribute("role", "alert");
  Object.assign(box.style, {
    position: "fixed", inset: "0", zIndex: "2147483647", overflow: "auto", padding: "2rem",
    background: "rgba(20, 20, 20, 0.94)", color: "#fff", font: "1rem/1.5 monospace",
  });
  const title = document.createElement("h2");
  title.textContent = "建置失敗 Build failed — 上次成功的版本仍在服務中 (the last good build is still served)";
  Object.assign(title.style, { color: "#ff8a80", font: "bold 1.2rem sans-serif", margin: "0 0 1rem" });
  box.append(title);
  const list = document.createElement("ol");
  for (const d of diagnostics) {
    const item = document.createElement("li");
    item.className = "takao-preview-diagnostic";
    const where = document.createElement("strong");
    where.textContent = `${d.path}:${d.line}:${d.col}`;
    item.append(where, `: ${d.severity}: ${d.message}`);
    if (d.severity !== "error") item.style.opacity = "0.7";
    list.append(item);
  }
  box.append(list);
  const close = document.createElement("button");
  close.type = "button";
  close.textContent = "關閉 Close";
  close.addEventListener("click", hideOverlay);
  box.append(close);
  document.body.append(box);
}

const events = new EventSource("/__takao/events");
// Marks the page as listening (tests and the curious can see it in the inspector).
events.addEventListener("open", () => {
  document.documentElement.dataset.takaoPreview = "connected";
});
events.addEventListener("reload", (event) => {
  const data = JSON.parse(event.data);
  hideOverlay();
  if (data.all || data.changed.includes(ownOutputPath())) location.reload();
});
events.addEventListener("build-error", (event) => {
  showOverlay(JSON.parse(event.data).diagnostics);
});
