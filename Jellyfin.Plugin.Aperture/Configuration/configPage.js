// Aperture settings page controller, loaded by jellyfin-web as an ES module (data-controller="__plugin/aperturejs").
export default function (view) {
    view.addEventListener('viewshow', function () {
        const status = view.querySelector('#apertureStatus');
        status.textContent = 'Aperture is installed.';
    });
}
