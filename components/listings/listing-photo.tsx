"use client";

import { useEffect, useRef, useState } from "react";
import { webUrlOrNull } from "./listing-format";

/** What stands in for a photo that is missing or did not load: a house, drawn, not fetched. */
function NoPhoto() {
  return (
    <div className="flex h-full w-full items-center justify-center bg-zinc-100 text-zinc-400 dark:bg-zinc-800 dark:text-zinc-500">
      <svg aria-hidden="true" viewBox="0 0 24 24" className="h-1/2 max-h-16 w-1/2 max-w-16" fill="none">
        <path
          d="M3 11.5 12 4l9 7.5M5.5 9.5V20h13V9.5M10 20v-5.5h4V20"
          stroke="currentColor"
          strokeWidth="1.5"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
    </div>
  );
}

/**
 * A listing's photo: a link to the company's or marketplace's server, shown as it is (the page's
 * CSP allows http and https images; nothing is fetched by our server). Decorative for screen
 * readers, whose card already says what the home is; the referrer is withheld, so the image's
 * host does not learn which chat it was shown in.
 */
export function ListingPhoto({
  src,
  offMarket,
  className,
}: {
  src: string | null;
  offMarket: boolean;
  /** The box's size and corners; the photo covers it. */
  className: string;
}) {
  const image = useRef<HTMLImageElement>(null);
  const url = webUrlOrNull(src);
  const [failed, setFailed] = useState(false);
  // An image that failed before React hydrated fired its error event unheard: look once.
  useEffect(() => {
    const element = image.current;
    if (element?.complete && element.naturalWidth === 0) setFailed(true);
  }, []);
  return (
    <div className={`shrink-0 overflow-hidden ${className}`}>
      {url && !failed ? (
        // biome-ignore lint/performance/noImgElement: a link to another host, shown as is; next/image would fetch it through our server
        <img
          ref={image}
          src={url}
          alt=""
          loading="lazy"
          decoding="async"
          referrerPolicy="no-referrer"
          onError={() => setFailed(true)}
          className={`h-full w-full object-cover ${offMarket ? "opacity-60 grayscale" : ""}`}
        />
      ) : (
        <NoPhoto />
      )}
    </div>
  );
}
